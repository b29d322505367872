import { z } from "zod";
import { multilineText, optionalJalaliDateField, text } from "@/lib/validation";

// Earlier resolutions brought back before the working group (docs/decisions/092).

import { FOLLOW_UP_DECISIONS, FOLLOW_UP_REASONS, type FollowUpReason } from "./constants";

export { FOLLOW_UP_DECISIONS, FOLLOW_UP_REASONS, type FollowUpReason };

const id = text().trim().min(1, "validation.required").max(64);

export const addFollowUpsSchema = z.object({
  meetingId: id,
  resolutionIds: z.array(id, "meetings.followUp.v.none").min(1, "meetings.followUp.v.none").max(500),
});

export const decideFollowUpSchema = z
  .object({
    itemId: id,
    version: z.coerce.number().int("validation.invalidInput").min(1, "validation.invalidInput"),
    decision: z.enum(FOLLOW_UP_DECISIONS, "validation.required"),
    newDeadline: optionalJalaliDateField(),
    newAgencyId: text().trim().max(64).optional().default(""),
    note: multilineText().trim().max(2000, "validation.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "NEW_DEADLINE" && !v.newDeadline)
      ctx.addIssue({ code: "custom", path: ["newDeadline"], message: "validation.required" });
    if (v.decision === "REASSIGN" && !v.newAgencyId)
      ctx.addIssue({ code: "custom", path: ["newAgencyId"], message: "validation.required" });
    // Escalation and a plain note are only what they say: the words are the decision.
    if ((v.decision === "ESCALATE" || v.decision === "NOTE") && v.note.length < 5)
      ctx.addIssue({ code: "custom", path: ["note"], message: "meetings.followUp.v.note" });
  });
