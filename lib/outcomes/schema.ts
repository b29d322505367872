import { z } from "zod";
import { parseAmount } from "@/lib/i18n/amount";
import { parseJalaliDate, toLatinDigits } from "@/lib/i18n/format";
import { jalaliDateField, multilineText, text } from "@/lib/validation";
import { CASE_OUTCOMES, MILESTONE_FIELD_PREFIX, MONEY_MOVEMENTS } from "./constants";

// What the working group achieved (issue #36): milestones, stated progress, money. Messages
// are message keys, translated where they are shown.

/**
 * An amount of rials as people type it: any digits, separators, «۲۵ میلیارد», «تومان». Blank is
 * null; anything unreadable is refused with the importer's reason, never read as 0.
 */
export const optionalAmountField = () =>
  text()
    .trim()
    .max(100, "validation.tooLong")
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const reading = parseAmount(v);
      if (!reading.ok) {
        ctx.addIssue({ code: "custom", message: `outcomes.v.amount.${reading.reason}` });
        return z.NEVER;
      }
      return reading.value;
    });

/** A Jalali date that may be left blank, but is refused (not dropped) when malformed. */
const optionalJalaliDate = () =>
  text()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const iso = parseJalaliDate(v);
      if (iso === null) {
        ctx.addIssue({ code: "custom", message: "resolutions.v.jalaliDate" });
        return z.NEVER;
      }
      return iso;
    });

const optionalPercent = () =>
  text()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const digits = toLatinDigits(v).replace(/[%\u066a\s]/g, "");
      const n = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
      if (!(n >= 0 && n <= 100)) {
        ctx.addIssue({ code: "custom", message: "outcomes.v.percent" });
        return z.NEVER;
      }
      return n;
    });

/**
 * The progress part of an agency's report (merged into reportProgressSchema): milestones
 * ticked, a stated percentage, and for a bank the money it moved, with the date.
 */
export const reportOutcomeFields = {
  progressPct: optionalPercent(),
  milestoneIds: z.array(text().trim().min(1)).max(200).default([]),
  moneyMovement: z
    .enum(MONEY_MOVEMENTS, "outcomes.v.moneyMovement")
    .or(z.literal(""))
    .optional()
    .transform((v) => v || null),
  amount: optionalAmountField(),
  moneyOn: optionalJalaliDate(),
};

/** The ticked boxes as a list: FormData arrives as one entry per field (Object.fromEntries). */
export function collectMilestoneTicks(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const entries = Object.entries(raw as Record<string, unknown>);
  const ticked = entries
    .filter(([k, v]) => k.startsWith(MILESTONE_FIELD_PREFIX) && v)
    .map(([k]) => k.slice(MILESTONE_FIELD_PREFIX.length));
  const given = (raw as { milestoneIds?: unknown }).milestoneIds;
  return { ...raw, milestoneIds: Array.isArray(given) ? given : ticked };
}

/** Money moved is told with what it was and how much, or not at all. */
export function refineMoney(
  v: { moneyMovement: string | null; amount: bigint | null; moneyOn: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.moneyMovement && v.amount === null)
    ctx.addIssue({ code: "custom", path: ["amount"], message: "outcomes.v.amountRequired" });
  if (!v.moneyMovement && (v.amount !== null || v.moneyOn !== null))
    ctx.addIssue({ code: "custom", path: ["moneyMovement"], message: "outcomes.v.moneyMovement" });
}

const target = {
  id: text().trim().min(1, "validation.required"),
  version: z.coerce.number().int("validation.invalidInput").min(1, "validation.invalidInput"),
};

/** The secretariat adds a step with its own due date to a resolution. */
export const addMilestoneSchema = z.object({
  ...target,
  title: text().trim().min(3, "outcomes.v.titleMin").max(300, "validation.tooLong"),
  dueOn: jalaliDateField("resolutions.v.jalaliDate"),
});

/** The secretariat records the amount the session approved (blank clears it). */
export const approvedAmountSchema = z.object({ ...target, amount: optionalAmountField() });

/** The secretariat closes a unit's case with its outcome; "not possible" says why. */
export const closeCaseSchema = z
  .object({
    unitId: text().trim().min(1, "validation.required"),
    outcome: z.enum(CASE_OUTCOMES, "outcomes.v.outcome"),
    reason: multilineText().trim().max(2000, "validation.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "NOT_POSSIBLE" && v.reason.length < 10)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "resolutions.v.reasonMin" });
  });
