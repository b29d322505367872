"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { type FormState, malformedRequest, submittedValues } from "@/lib/forms";
import { createAgency, updateAgency } from "./mutations";

export async function createAgencyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await createAgency(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok || !result.id) return { ...result, values: submittedValues(form) };
  revalidatePath("/agencies");
  redirect(`/agencies/${result.id}?saved=created`);
}

export async function updateAgencyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await updateAgency(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidatePath("/agencies");
  revalidatePath(`/agencies/${String(form.get("id"))}`);
  return result;
}
