-- Rows the spreadsheet import wrote before it tidied its cells (issue #30): unit names and
-- details and obstacle descriptions with Arabic ي/ى/ك, presentation forms or runs of spaces
-- are stored as tidyText makes them (lib/i18n/normalize.ts, docs/decisions/030), as the
-- forms always did. Search keys need no change: normalizeText already folded these.
-- The function is the SQL twin of tidyText, used here once and dropped.

CREATE FUNCTION tashil_tidy(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(
    regexp_replace(
      translate(
        CASE WHEN s ~ '[\ufb50-\ufdff\ufe70-\ufefc]' THEN normalize(s, NFKC) ELSE s END,
        'يىك', 'ییک'),
      '[ \t\u00a0]+', ' ', 'g'),
    ' ')
$$;

UPDATE "ProductionUnit" SET
  "name" = tashil_tidy("name"),
  "activity" = NULLIF(tashil_tidy("activity"), ''),
  "industrialPark" = NULLIF(tashil_tidy("industrialPark"), ''),
  "managerName" = NULLIF(tashil_tidy("managerName"), '')
WHERE "name" IS DISTINCT FROM tashil_tidy("name")
   OR "activity" IS DISTINCT FROM NULLIF(tashil_tidy("activity"), '')
   OR "industrialPark" IS DISTINCT FROM NULLIF(tashil_tidy("industrialPark"), '')
   OR "managerName" IS DISTINCT FROM NULLIF(tashil_tidy("managerName"), '');

UPDATE "Obstacle" SET "description" = tashil_tidy("description")
WHERE "description" IS DISTINCT FROM tashil_tidy("description");

DROP FUNCTION tashil_tidy(text);
