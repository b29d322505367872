// Values the outcome forms share with the browser. No zod here: client components import
// this module, and validation stays on the server (docs/decisions/123).

export const MONEY_MOVEMENTS = ["RESCHEDULED", "RELEASED", "GUARANTEED"] as const;
export const OBSTACLE_MONEY_KINDS = [
  "RESCHEDULING",
  "NEW_FACILITY",
  "GUARANTEE",
  "ARREARS_SETTLEMENT",
] as const;
/** Causes a person may name; IMPORT is set by the spreadsheet import alone. */
export const STATUS_CAUSES_CHOSEN = ["SECRETARIAT", "APPLICANT", "BANK_REPORT"] as const;

/** Checkbox names of the milestones a report ticks: `done:<milestone id>`. */
export const MILESTONE_FIELD_PREFIX = "done:";

/** How a unit's case ended, as the secretariat records it when closing the case. */
export const CASE_OUTCOMES = ["RESOLVED_PRODUCING", "RESOLVED_IDLE", "NOT_POSSIBLE"] as const;
