-- The dashboard's intake figures (requests waiting, median working days to the committee and
-- to the first resolution; issue #32) are kept like the other figures (decisions 130, 241):
-- a filed, resubmitted or decided request and an obstacle put on an agenda tell the kept
-- figures of their province. Resolutions, meetings and holidays notify already.
CREATE TRIGGER figures_changed_insert AFTER INSERT ON "UnitRequest" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
CREATE TRIGGER figures_changed_update AFTER UPDATE ON "UnitRequest" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
CREATE TRIGGER figures_changed_delete AFTER DELETE ON "UnitRequest" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');

CREATE TRIGGER figures_changed_insert AFTER INSERT ON "AgendaItemObstacle" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct o."provinceId" from changed c join "Obstacle" o on o.id = c."obstacleId"');
CREATE TRIGGER figures_changed_update AFTER UPDATE ON "AgendaItemObstacle" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct o."provinceId" from changed c join "Obstacle" o on o.id = c."obstacleId"');
CREATE TRIGGER figures_changed_delete AFTER DELETE ON "AgendaItemObstacle" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct o."provinceId" from changed c join "Obstacle" o on o.id = c."obstacleId"');
