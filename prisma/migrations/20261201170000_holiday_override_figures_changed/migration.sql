-- Days late counted in working days read the holiday corrections (docs/decisions/103), so a
-- correction changes the figures kept until a change (docs/decisions/130): the same notice as
-- the other tables the dashboard reads. A national correction (no province) is '*': every
-- province's calendar follows it.
CREATE TRIGGER figures_changed_insert AFTER INSERT ON "HolidayOverride" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
CREATE TRIGGER figures_changed_update AFTER UPDATE ON "HolidayOverride" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
CREATE TRIGGER figures_changed_delete AFTER DELETE ON "HolidayOverride" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
