"use server";
import { field, formAction } from "@/lib/action";
import { acknowledgeNotice } from "./mutations";

export const acknowledgeNoticeAction = formAction(
  ({ user, t }, form) => acknowledgeNotice(user, Object.fromEntries(form), t),
  { revalidate: (form) => [`/notices/${field(form, "id")}`, "/agency", "/dashboard"], echo: false },
);
