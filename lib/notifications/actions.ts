"use server";
import { formAction } from "@/lib/action";
import { markNotificationsRead, setMailFrequency } from "./mutations";
import { requestMobileCode, setSmsOptIn, verifyMobileCode } from "@/lib/sms/mobile";

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

// The user's own mobile for SMS (issue #37): a code is sent, typed back, and SMS switched on.
export const requestMobileCodeAction = formAction(
  ({ user, t }, form) => requestMobileCode(user, Object.fromEntries(form), t),
  { revalidate: ["/notifications"] },
);

export const verifyMobileCodeAction = formAction(
  ({ user, t }, form) => verifyMobileCode(user, Object.fromEntries(form), t),
  { revalidate: ["/notifications"], echo: false },
);

export const setSmsOptInAction = formAction(
  ({ user, t }, form) => setSmsOptIn(user, Object.fromEntries(form), t),
  { revalidate: ["/notifications"] },
);
