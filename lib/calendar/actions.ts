"use server";
import { formAction } from "@/lib/action";
import { saveHolidayOverride, undoHolidayOverride } from "./mutations";

// Every page with a date picker reads the days off, so a correction refreshes them all.
const revalidate = ["/admin/calendar", { layout: "/meetings" }, { layout: "/resolutions" }, "/dashboard"];

export const saveHolidayOverrideAction = formAction(
  ({ user, t, locale }, form) => saveHolidayOverride(user, Object.fromEntries(form), t, locale),
  { revalidate },
);

export const undoHolidayOverrideAction = formAction(
  ({ user, t, locale }, form) => undoHolidayOverride(user, Object.fromEntries(form), t, locale),
  { revalidate, echo: false },
);
