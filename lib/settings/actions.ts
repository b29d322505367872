"use server";
import { formAction } from "@/lib/action";
import { setDigestHour, setNoticeAckDays, setPublicFigures } from "./mutations";

export const setPublicFiguresAction = formAction(
  ({ user, t }, form) =>
    setPublicFigures(user, { enabled: form.get("enabled"), version: form.get("version") }, t),
  { revalidate: ["/admin/settings", "/figures"], echo: false },
);

export const setNoticeAckDaysAction = formAction(
  ({ user, t }, form) => setNoticeAckDays(user, { days: form.get("days"), version: form.get("version") }, t),
  { revalidate: ["/admin/settings", "/dashboard"] },
);

export const setDigestHourAction = formAction(
  ({ user, t }, form) => setDigestHour(user, { hour: form.get("hour"), version: form.get("version") }, t),
  { revalidate: ["/admin/settings"] },
);
