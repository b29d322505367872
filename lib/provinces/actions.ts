"use server";
import { formAction } from "@/lib/action";
import { createProvince } from "./mutations";

export const createProvinceAction = formAction(
  async ({ user, t }, form) => {
    const result = await createProvince(user, Object.fromEntries(form), t);
    return result.ok ? { ok: true, message: result.message } : result;
  },
  { revalidate: ["/admin/provinces", "/provinces"], echo: { omit: ["secretariatPassword", "password"] } },
);
