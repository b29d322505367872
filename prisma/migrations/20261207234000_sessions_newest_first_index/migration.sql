-- The national sessions list (newest first, then id) reads a page off this index instead of
-- sorting all 31,000 sessions at ten-year size (issue #34, docs/performance.md).
CREATE INDEX "Meeting_startsAt_id_idx" ON "Meeting"("startsAt" DESC, "id");
