-- Issue #34 at ten-year size (docs/performance.md):
-- the weekly report reads the week's progress reports first (9,600 of 5,000,000), index only;
CREATE INDEX "ProgressReport_createdAt_resolutionId_idx" ON "ProgressReport"("createdAt", "resolutionId");

-- "returned to production" (lib/outcomes/returns-sql.ts) reads each unit's first resolution
-- that is not cancelled in one index probe.
CREATE INDEX "Resolution_uncancelled_unitId_createdAt_idx" ON "Resolution"("unitId", "createdAt") WHERE status <> 'CANCELLED';
