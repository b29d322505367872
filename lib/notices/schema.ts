import { z } from "zod";
import { pageField, text } from "@/lib/validation";

/**
 * Received or not: the one question asked of a notice (decision 090); "late" is pending past
 * the province's working days (the dashboard's unacknowledged notices, in full).
 */
export const NOTICE_RECEIPTS = ["pending", "late", "acknowledged"] as const;

/** The notices index's filters (/notices), from the URL; anything unreadable means "no filter". */
export const noticeFilterSchema = z.object({
  receipt: z.enum(NOTICE_RECEIPTS).optional().catch(undefined),
  agencyId: text().trim().max(64).optional().catch(undefined),
  meetingId: text().trim().max(64).optional().catch(undefined),
  page: pageField(),
});
export type NoticeFilter = z.infer<typeof noticeFilterSchema>;
