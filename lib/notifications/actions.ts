"use server";
import { formAction } from "@/lib/action";
import { markNotificationsRead, setMailFrequency } from "./mutations";

// The header's unread count is on every page: refresh the whole signed-in area.
const revalidate = [{ layout: "/" }];

export const markNotificationsReadAction = formAction(
  ({ user, t }, form) => markNotificationsRead(user, Object.fromEntries(form), t),
  { revalidate, echo: false },
);

export const setMailFrequencyAction = formAction(
  ({ user, t }, form) => setMailFrequency(user, Object.fromEntries(form), t),
  { revalidate: ["/notifications"] },
);
