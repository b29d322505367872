-- The milestones a progress report ticked, read for every report on the resolution page
-- (issue #34: a seq scan of 600,000 milestones at ten-year size).
-- CreateIndex
CREATE INDEX "ResolutionMilestone_doneReportId_idx" ON "ResolutionMilestone"("doneReportId");
