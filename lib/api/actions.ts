"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { submittedValues, type FormState } from "@/lib/forms";
import { createApiToken, revokeApiToken } from "./tokens";

export type TokenFormState = FormState & { token?: string };

export async function createApiTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  const { t } = await getTranslator();
  const result = await createApiToken(
    await getCurrentUser(),
    { ...Object.fromEntries(form), scopes: form.getAll("scopes") },
    t,
  );
  if (!result.ok) return { ...result, values: submittedValues(form, { multi: ["scopes"] }) };
  revalidatePath("/admin/tokens");
  // The secret goes back to this one response only; it is never stored or shown again.
  return result;
}

export async function revokeApiTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await revokeApiToken(await getCurrentUser(), String(form.get("id") ?? ""), t);
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}
