"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { submittedValues, type FormState } from "@/lib/forms";
import { createProvince } from "./mutations";

export async function createProvinceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await createProvince(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form, { omit: ["secretariatPassword"] }) };
  revalidatePath("/admin/provinces");
  revalidatePath("/provinces");
  return { ok: true, message: result.message };
}
