-- Issue #22: numbers within a session stay unique and consecutive whoever saves at once.
-- See docs/decisions/080-numbers-within-a-session.md.

-- Rows numbered before this change may share a number (two clerks read the same maximum) or
-- carry the column default 0: give those sessions' rows 1..n in their existing order first.
WITH broken AS (
  SELECT "meetingId" FROM "Resolution"
  GROUP BY "meetingId"
  HAVING count(*) <> count(DISTINCT "sequence") OR min("sequence") < 1
), renumbered AS (
  SELECT r.id, row_number() OVER (PARTITION BY r."meetingId" ORDER BY r."sequence", r."createdAt", r.id) AS n
  FROM "Resolution" r JOIN broken b ON b."meetingId" = r."meetingId"
)
UPDATE "Resolution" r SET "sequence" = renumbered.n FROM renumbered WHERE renumbered.id = r.id;

WITH broken AS (
  SELECT "meetingId" FROM "AgendaItem"
  GROUP BY "meetingId"
  HAVING count(*) <> count(DISTINCT "position") OR min("position") < 1
), renumbered AS (
  SELECT a.id, row_number() OVER (PARTITION BY a."meetingId" ORDER BY a."position", a.id) AS n
  FROM "AgendaItem" a JOIN broken b ON b."meetingId" = a."meetingId"
)
UPDATE "AgendaItem" a SET "position" = renumbered.n FROM renumbered WHERE renumbered.id = a.id;

-- DropIndex
DROP INDEX "AgendaItem_meetingId_position_idx";

-- DropIndex
DROP INDEX "Resolution_meetingId_idx";

-- AlterTable
ALTER TABLE "AgendaItem" ALTER COLUMN "position" SET DEFAULT 0;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "screenItemId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_position_key" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_screenItemId_key" ON "Meeting"("screenItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_meetingId_sequence_key" ON "Resolution"("meetingId", "sequence");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_screenItemId_fkey" FOREIGN KEY ("screenItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The next number of a session, taken by the database itself. Every writer (the entry screen,
-- the follow-up's agenda, imports, the seed, tests) inserts 0 and gets max + 1; the advisory
-- lock, held to the end of the transaction, makes a second writer of the same session wait
-- until the first has committed, so it reads the new maximum (READ COMMITTED takes a fresh
-- snapshot per statement). The application takes the same lock (lib/meetings/ordering.ts)
-- before it renumbers. The unique indexes above are the net under both.
CREATE FUNCTION tashil_session_order_lock(kind TEXT, meeting_id TEXT) RETURNS void
LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock(hashtextextended(kind || ':' || meeting_id, 0))
$$;

CREATE FUNCTION "Resolution_sequence"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."sequence" IS NULL OR NEW."sequence" < 1 THEN
    PERFORM tashil_session_order_lock('resolution', NEW."meetingId");
    SELECT coalesce(max("sequence"), 0) + 1 INTO NEW."sequence"
      FROM "Resolution" WHERE "meetingId" = NEW."meetingId";
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Resolution_sequence" BEFORE INSERT ON "Resolution"
  FOR EACH ROW EXECUTE FUNCTION "Resolution_sequence"();

CREATE FUNCTION "AgendaItem_position"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."position" IS NULL OR NEW."position" < 1 THEN
    PERFORM tashil_session_order_lock('agenda', NEW."meetingId");
    SELECT coalesce(max("position"), 0) + 1 INTO NEW."position"
      FROM "AgendaItem" WHERE "meetingId" = NEW."meetingId";
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "AgendaItem_position" BEFORE INSERT ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION "AgendaItem_position"();
