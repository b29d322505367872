import { z } from "zod";
import { jalaliDateField, nameText } from "@/lib/validation";

/** One correction of the holiday list: a Jalali date, added or removed, and why. */
export const holidayOverrideSchema = z.object({
  date: jalaliDateField("calendar.invalidDate"),
  kind: z.enum(["ADD", "REMOVE"]),
  name: nameText(2, 200),
});

export const undoHolidayOverrideSchema = z.object({ id: z.string().min(1).max(40) });
