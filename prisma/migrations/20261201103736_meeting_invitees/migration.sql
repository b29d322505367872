-- CreateTable
CREATE TABLE "MeetingInvitee" (
    "meetingId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "MeetingInvitee_pkey" PRIMARY KEY ("meetingId","agencyId")
);

-- CreateIndex
CREATE INDEX "MeetingInvitee_agencyId_idx" ON "MeetingInvitee"("agencyId");

-- AddForeignKey
ALTER TABLE "MeetingInvitee" ADD CONSTRAINT "MeetingInvitee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingInvitee" ADD CONSTRAINT "MeetingInvitee_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Attendance already recorded for an agency that is not a member of the session's body stays
-- expected: it becomes an invitee of that session.
INSERT INTO "MeetingInvitee" ("meetingId", "agencyId")
SELECT a."meetingId", a."agencyId"
FROM "Attendance" a JOIN "Meeting" m ON m.id = a."meetingId"
WHERE NOT EXISTS (
  SELECT 1 FROM "BodyMember" bm WHERE bm."bodyId" = m."bodyId" AND bm."agencyId" = a."agencyId"
)
ON CONFLICT DO NOTHING;
