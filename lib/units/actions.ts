"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { type FormState, malformedRequest, submittedValues } from "@/lib/forms";
import { archiveUnit, changeUnitStatus, createUnit, updateUnit } from "./mutations";
import { confirmImport, previewImport, type ImportState } from "./import";

export async function createUnitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await createUnit(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok || !result.id) return { ...result, values: submittedValues(form) };
  revalidatePath("/units");
  redirect(`/units/${result.id}?saved=created`);
}

export async function updateUnitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await updateUnit(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidatePath("/units");
  redirect(`/units/${String(form.get("id"))}?saved=updated`);
}

export async function archiveUnitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await archiveUnit(await getCurrentUser(), String(form.get("id") ?? ""), t);
  if (!result.ok) return result;
  revalidatePath("/units");
  redirect("/units?saved=archived");
}

export async function changeUnitStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await changeUnitStatus(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidatePath(`/units/${String(form.get("id"))}`);
  return result;
}

export async function previewImportAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const { t, locale } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const file = form.get("file");
  return previewImport(await getCurrentUser(), file instanceof File ? file : null, t, locale);
}

export async function confirmImportAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const { t, locale } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await confirmImport(await getCurrentUser(), String(form.get("payload") ?? ""), t, locale);
  if (result.ok) {
    revalidatePath("/units");
    revalidatePath("/obstacles");
  }
  return result;
}
