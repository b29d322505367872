-- Money per bank per month (issue #36) at ten-year size (issue #34, docs/performance.md):
-- a bank's resolutions of the last twelve months by the bank, not every resolution of the
-- year in the country (82,000 read to find a province's);
CREATE INDEX "Resolution_responsibleAgencyId_createdAt_idx" ON "Resolution"("responsibleAgencyId", "createdAt");

-- the year's money movements from the index alone.
DROP INDEX "ProgressReport_money_moneyOn_idx";
CREATE INDEX "ProgressReport_money_moneyOn_idx" ON "ProgressReport"("moneyOn", "resolutionId", "moneyMovement", "amountRials") WHERE "moneyMovement" IS NOT NULL;
