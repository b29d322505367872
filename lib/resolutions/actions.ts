"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { type FormState, malformedRequest, submittedValues } from "@/lib/forms";
import { chosenFiles } from "@/lib/attachments/store";
import { decideExtension, reportProgress, requestExtension, verifyResolution } from "./mutations";

// Thin wrappers: the signed-in user is read here, never taken from the client.

function revalidate(form: FormData) {
  revalidatePath(`/resolutions/${String(form.get("id") ?? "")}`);
  revalidatePath("/resolutions");
  revalidatePath("/agency");
}

export async function reportProgressAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await reportProgress(
    await getCurrentUser(),
    Object.fromEntries(form),
    chosenFiles(form.getAll("files")),
    t,
  );
  if (!result.ok) return { ...result, values: submittedValues(form, { omit: ["files"] }) };
  revalidate(form);
  return result;
}

export async function requestExtensionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await requestExtension(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidate(form);
  return result;
}

export async function decideExtensionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await decideExtension(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidate(form);
  return result;
}

export async function verifyResolutionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await verifyResolution(await getCurrentUser(), Object.fromEntries(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form) };
  revalidate(form);
  return result;
}
