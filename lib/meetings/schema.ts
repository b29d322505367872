import { z } from "zod";
import { toLatinDigits } from "@/lib/i18n/format";
import { jalaliDateField, multilineText, optionalText, text, versionField } from "@/lib/validation";

// Shared by the forms and the server. Messages are message keys, translated where shown.

export const BODY_KINDS = ["COMMITTEE", "WORKING_GROUP"] as const;
export const MEETING_STATUSES = ["PLANNED", "HELD", "MINUTES_APPROVED"] as const;
export const ATTENDANCE_MODES = ["HEAD", "REPRESENTATIVE", "ABSENT"] as const;
/** Which outcomes each body may record (DESIGN.md §3): the committee settles, refers or asks for more. */
export const OUTCOMES_FOR = {
  COMMITTEE: ["SETTLED", "REFERRED", "MORE_DOCUMENTS"],
  WORKING_GROUP: ["DECIDED"],
} as const;
export const ALL_OUTCOMES = ["SETTLED", "REFERRED", "MORE_DOCUMENTS", "DECIDED"] as const;
/** Quick deadline choices offered next to the date input, in days after the session. */
export const DEADLINE_QUICK_DAYS = [15, 30, 60] as const;

const id = text().trim().min(1, "validation.required").max(64);

const jalaliDate = jalaliDateField("meetings.invalidDate");

const time = text()
  .trim()
  .transform((v) => toLatinDigits(v))
  .pipe(text().regex(/^([01]?\d|2[0-3])[:٫.]([0-5]\d)$/, "meetings.invalidTime"))
  .transform((v) => {
    const [h = "0", m = "0"] = v.split(/[:٫.]/);
    return `${h.padStart(2, "0")}:${m}`;
  });

/**
 * Writes to a session whose minutes are approved are amendments: the secretariat must say why.
 * Empty means "not an amendment".
 */
const amendmentReason = optionalText(500);

export const createMeetingSchema = z.object({
  bodyKind: z.enum(BODY_KINDS, "validation.required"),
  date: jalaliDate,
  time,
  place: optionalText(200),
});

export const rescheduleMeetingSchema = z.object({
  meetingId: id,
  date: jalaliDate,
  time,
  place: optionalText(200),
  version: versionField(),
});

export const meetingRefSchema = z.object({ meetingId: id });

export const addToAgendaSchema = z.object({
  meetingId: id,
  obstacleIds: z.array(id).min(1, "meetings.agenda.noneSelected").max(500),
  amendmentReason,
});

export const agendaItemRefSchema = z.object({ itemId: id, amendmentReason });

export const moveAgendaItemSchema = z.object({
  itemId: id,
  direction: z.enum(["up", "down"]),
  amendmentReason,
});

/**
 * The agenda item's version the form was drawn from: outcome and presenter are one row, and
 * two clerks changing it at once must not both win (decision 083). Absent from a script or an
 * older client, which simply writes.
 */
const itemVersion = versionField().optional();

export const presenterSchema = z.object({
  itemId: id,
  presenter: optionalText(200),
  version: itemVersion,
  amendmentReason,
});

export const outcomeSchema = z.object({
  itemId: id,
  outcome: z.enum([...ALL_OUTCOMES, ""]).transform((v) => (v === "" ? null : v)),
  version: itemVersion,
  amendmentReason,
});

export const inviteesSchema = z.object({
  meetingId: id,
  agencyIds: z.array(id).max(200),
  amendmentReason,
});

export const attendanceSchema = z.object({
  meetingId: id,
  entries: z
    .array(
      z.object({
        agencyId: id,
        mode: z.enum([...ATTENDANCE_MODES, ""]).transform((v) => (v === "" ? null : v)),
        attendeeName: optionalText(200),
        /**
         * The row's version the form was drawn from (0: nothing recorded then). Absent from an
         * older client, which then simply writes.
         */
        version: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    )
    .max(500),
  amendmentReason,
});

export const resolutionSchema = z.object({
  /** Absent for a new resolution. */
  id: text()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  itemId: id,
  text: multilineText().trim().min(3, "meetings.entry.textMin").max(4000, "validation.tooLong"),
  responsibleAgencyId: text().trim().min(1, "validation.required").max(64),
  supportingAgencyIds: z.array(id).max(50).default([]),
  /**
   * Which of the agenda item's obstacles the resolution answers. Left out, it answers all of
   * them (the usual case: one obstacle per unit); given, it must name at least one.
   */
  obstacleIds: z.array(id).min(1, "meetings.entry.obstaclesRequired").max(100).optional(),
  deadline: jalaliDate,
  amendmentReason,
});

export const deleteResolutionSchema = z.object({ id, amendmentReason });

export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type ResolutionInput = z.input<typeof resolutionSchema>;
export type AttendanceInput = z.input<typeof attendanceSchema>;

/** The case the hall screen shows; null clears it. */
export const screenSchema = z.object({
  meetingId: id,
  itemId: id.nullable(),
});
