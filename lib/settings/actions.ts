"use server";
import { formAction } from "@/lib/action";
import { setPublicFigures } from "./mutations";

export const setPublicFiguresAction = formAction(
  ({ user, t }, form) =>
    setPublicFigures(user, { enabled: form.get("enabled"), version: form.get("version") }, t),
  { revalidate: ["/admin/settings", "/figures"], echo: false },
);
