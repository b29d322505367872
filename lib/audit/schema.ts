import { z } from "zod";
import { optionalJalaliDateField } from "@/lib/validation";

// /admin/audit's filters, read from the URL; anything malformed is dropped (a stale link opens).

/** Record types with a page of their own, in the order the filter lists them. */
export const AUDIT_ENTITY_TYPES = [
  "ProductionUnit",
  "Obstacle",
  "Meeting",
  "AgendaItem",
  "Resolution",
  "Agency",
  "User",
  "AppSetting",
  "Province",
  "ApiToken",
  "Notice",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

export const auditFilterSchema = z.object({
  actorId: optionalText(64),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional().catch(undefined),
  entityId: optionalText(64),
  /** An action or its prefix: "unit" finds unit.create, unit.update, … */
  action: optionalText(60),
  from: optionalJalaliDateField(),
  to: optionalJalaliDateField(),
  cursor: optionalText(200),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** Actions recorded today, offered as suggestions in the filter. */
export const KNOWN_AUDIT_ACTIONS = [
  "unit.create",
  "unit.update",
  "unit.status",
  "unit.archive",
  "unit.import.create",
  "unit.import.update",
  "obstacle.create",
  "obstacle.status",
  "obstacle.attach",
  "obstacle.resolve",
  "obstacle.reopen",
  "agency.create",
  "agency.update",
  "meeting.held",
  "minutes.approve",
  "agenda.add",
  "agenda.remove",
  "agenda.outcome",
  "attendance.save",
  "resolution.create",
  "resolution.update",
  "resolution.delete",
  "resolution.report",
  "resolution.requestExtension",
  "resolution.verify",
  "resolution.reopen",
  "extension.approve",
  "extension.reject",
  "resolution.followUpDecision",
  "resolution.return",
  "resolution.reassign",
  "resolution.returnReject",
  "resolution.remind",
  "agency.remind",
  "meeting.followUp.add",
  "notice.issue",
  "notice.acknowledge",
  "user.mailFrequency",
  "user.mobile",
  "user.smsOptIn",
  "letter.issue",
  "meeting.invite",
  "meeting.rsvp",
  "user.create",
  "user.update",
  "user.activate",
  "user.deactivate",
  "province.create",
  "apiToken.create",
  "apiToken.revoke",
  "settings.update",
] as const;

/** Where a record of a type is shown, when it has a page. */
export function auditRecordHref(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case "ProductionUnit":
      return `/units/${entityId}`;
    case "Meeting":
      return `/meetings/${entityId}`;
    case "Resolution":
      return `/resolutions/${entityId}`;
    case "Agency":
      return `/agencies/${entityId}`;
    case "User":
      return `/admin/users/${entityId}`;
    case "Notice":
      return `/notices/${entityId}`;
    default:
      return null;
  }
}
