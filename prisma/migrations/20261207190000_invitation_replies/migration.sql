-- Answers to a session's invitation (issue #37 §3): the session's expected attendance, by agency
-- or by unit on the agenda, from the invitation's signed link. Expand-only: a new table.

-- CreateTable
CREATE TABLE "InvitationReply" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agencyId" TEXT,
    "unitId" TEXT,
    "mode" "AttendanceMode" NOT NULL,
    "attendeeName" TEXT,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvitationReply_agencyId_idx" ON "InvitationReply"("agencyId");

-- CreateIndex
CREATE INDEX "InvitationReply_unitId_idx" ON "InvitationReply"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationReply_meetingId_agencyId_key" ON "InvitationReply"("meetingId", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationReply_meetingId_unitId_key" ON "InvitationReply"("meetingId", "unitId");

-- AddForeignKey
ALTER TABLE "InvitationReply" ADD CONSTRAINT "InvitationReply_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationReply" ADD CONSTRAINT "InvitationReply_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationReply" ADD CONSTRAINT "InvitationReply_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- An answer is an agency's or a unit's, never both nor neither (Prisma cannot say so).
ALTER TABLE "InvitationReply" ADD CONSTRAINT "InvitationReply_one_party"
  CHECK (("agencyId" IS NULL) <> ("unitId" IS NULL));
