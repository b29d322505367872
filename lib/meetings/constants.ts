// Constants the forms (client components) need, kept apart from the zod schemas so that
// importing them does not ship zod to the browser (docs/decisions/123-zod-stays-on-the-server.md).
// schema.ts re-exports them: server code keeps one module to import from.

export const BODY_KINDS = ["COMMITTEE", "WORKING_GROUP"] as const;
export const MEETING_STATUSES = ["PLANNED", "HELD", "MINUTES_APPROVED"] as const;
export const ATTENDANCE_MODES = ["HEAD", "REPRESENTATIVE", "ABSENT"] as const;
/** Which outcomes each body may record: the committee settles, refers or asks for more. */
export const OUTCOMES_FOR = {
  COMMITTEE: ["SETTLED", "REFERRED", "MORE_DOCUMENTS"],
  WORKING_GROUP: ["DECIDED"],
} as const;
export const ALL_OUTCOMES = ["SETTLED", "REFERRED", "MORE_DOCUMENTS", "DECIDED"] as const;
/** Quick deadline choices offered next to the date input, in days after the session. */
export const DEADLINE_QUICK_DAYS = [15, 30, 60] as const;

// Earlier resolutions brought back before the working group (docs/decisions/092); here, not in
// follow-up-schema.ts, so the session page's client code does not bring zod along (decision 123).
export const FOLLOW_UP_DECISIONS = ["NEW_DEADLINE", "REASSIGN", "ESCALATE", "NOTE"] as const;
export const FOLLOW_UP_REASONS = ["OVERDUE", "EXTENSION_REFUSED", "REOPENED"] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];
