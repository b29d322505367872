-- CreateIndex
CREATE INDEX "Resolution_agendaItemId_idx" ON "Resolution"("agendaItemId");
