-- Approved minutes print the resolutions as the chair approved them (issue #30, decision 300).
ALTER TABLE "Meeting" ADD COLUMN "approvedResolutions" JSONB;

-- Sessions approved before this migration: the best record of what was approved is the
-- resolutions as they stand now (changes made since are still listed as dated amendments,
-- read from the audit trail). Numbered in print order: agenda position, then sequence.
WITH printed AS (
  SELECT r."meetingId",
         jsonb_build_object(
           'id', r.id,
           'number', row_number() OVER (PARTITION BY r."meetingId" ORDER BY a.position, a.id, r.sequence, r."createdAt"),
           'agendaItemId', r."agendaItemId",
           'text', r.text,
           'responsibleAgency', jsonb_build_object('id', ag.id, 'nameFa', ag."nameFa", 'nameEn', ag."nameEn"),
           'supportingAgencies', COALESCE((
             SELECT jsonb_agg(jsonb_build_object('id', s.id, 'nameFa', s."nameFa", 'nameEn', s."nameEn"))
             FROM "ResolutionSupportingAgency" rs JOIN "Agency" s ON s.id = rs."agencyId"
             WHERE rs."resolutionId" = r.id), '[]'::jsonb),
           'deadline', to_char(r.deadline, 'YYYY-MM-DD'),
           'obstacleIds', COALESCE((
             SELECT jsonb_agg(ro."obstacleId") FROM "ResolutionObstacle" ro WHERE ro."resolutionId" = r.id),
             '[]'::jsonb)
         ) AS line,
         a.position, a.id AS item, r.sequence, r."createdAt"
  FROM "Resolution" r
  JOIN "AgendaItem" a ON a.id = r."agendaItemId"
  JOIN "Agency" ag ON ag.id = r."responsibleAgencyId"
  JOIN "Meeting" m ON m.id = r."meetingId"
  WHERE m.status = 'MINUTES_APPROVED'
)
UPDATE "Meeting" m
SET "approvedResolutions" = COALESCE((
  SELECT jsonb_agg(p.line ORDER BY p.position, p.item, p.sequence, p."createdAt")
  FROM printed p WHERE p."meetingId" = m.id), '[]'::jsonb)
WHERE m.status = 'MINUTES_APPROVED';
