"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { submittedValues, type FormState } from "@/lib/forms";
import { archiveUnit, changeUnitStatus, createUnit, updateUnit } from "./mutations";
import {
  checkImport,
  importNextChunk,
  uploadImport,
  type CheckState,
  type ProgressState,
  type UploadState,
} from "./import";

export async function createUnitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await createUnit(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok || !result.id) return { ...result, values: submittedValues(form) };
  revalidatePath("/units");
  redirect(`/units/${result.id}?saved=created`);
}

export async function updateUnitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await updateUnit(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidatePath("/units");
  redirect(`/units/${String(form.get("id"))}?saved=updated`);
}

export async function archiveUnitAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await archiveUnit(await getCurrentUser(), String(form.get("id") ?? ""), t);
  if (!result.ok) return result;
  revalidatePath("/units");
  redirect("/units?saved=archived");
}

export async function changeUnitStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const result = await changeUnitStatus(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidatePath(`/units/${String(form.get("id"))}`);
  return result;
}

export async function uploadImportAction(_prev: UploadState, form: FormData): Promise<UploadState> {
  const { t } = await getTranslator();
  const file = form.get("file");
  return uploadImport(await getCurrentUser(), file instanceof File ? file : null, t);
}

/** The mapping form: one "mapping" select per column, in the sheet's order. */
export async function checkImportAction(_prev: CheckState, form: FormData): Promise<CheckState> {
  const { t, locale } = await getTranslator();
  return checkImport(
    await getCurrentUser(),
    {
      batchId: String(form.get("batchId") ?? ""),
      mapping: form.getAll("mapping").map(String),
      remember: form.get("remember") === "on",
    },
    t,
    locale,
  );
}

/** Called by the page in a loop until `finished`; each call writes one chunk. */
export async function importChunkAction(batchId: string): Promise<ProgressState> {
  const { t, locale } = await getTranslator();
  const result = await importNextChunk(await getCurrentUser(), String(batchId), t, locale);
  if (result.finished) {
    revalidatePath("/units");
    revalidatePath("/obstacles");
  }
  return result;
}
