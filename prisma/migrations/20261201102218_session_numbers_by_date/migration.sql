-- Session numbers follow the dates within each body's Jalali year (lib/meetings/numbering.ts,
-- docs/decisions/031). Sessions whose minutes are approved keep their printed number; the
-- others deal out the numbers they hold in date order, so sessions entered late but dated
-- early (the committee's 39–42 before its 38) take their place. Gaps stay where they are.

CREATE TEMP TABLE "_meeting_renumber" AS
WITH by_date AS (
  SELECT id, "bodyId", "jalaliYear", number,
         row_number() OVER (PARTITION BY "bodyId", "jalaliYear" ORDER BY "startsAt", "createdAt", id) AS rank
  FROM "Meeting" WHERE status <> 'MINUTES_APPROVED'
), by_number AS (
  SELECT "bodyId", "jalaliYear", number,
         row_number() OVER (PARTITION BY "bodyId", "jalaliYear" ORDER BY number) AS rank
  FROM "Meeting" WHERE status <> 'MINUTES_APPROVED'
)
SELECT d.id, n.number AS target
FROM by_date d
JOIN by_number n ON n."bodyId" = d."bodyId" AND n."jalaliYear" = d."jalaliYear" AND n.rank = d.rank
WHERE n.number <> d.number;

-- Park first so the unique (bodyId, jalaliYear, number) never sees two rows on one number.
UPDATE "Meeting" m SET number = -m.number FROM "_meeting_renumber" r WHERE r.id = m.id;
UPDATE "Meeting" m SET number = r.target FROM "_meeting_renumber" r WHERE r.id = m.id;

DROP TABLE "_meeting_renumber";
