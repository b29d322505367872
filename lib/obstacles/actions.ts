"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { chosenFiles } from "@/lib/attachments/store";
import { type FormState, malformedRequest, submittedValues } from "@/lib/forms";
import { addObstacleAttachments, changeObstacleStatus, createObstacle } from "./mutations";

export async function createObstacleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const input = { ...Object.fromEntries(form), agencyIds: form.getAll("agencyIds").map(String) };
  const result = await createObstacle(await getCurrentUser(), input, chosenFiles(form.getAll("files")), t);
  if (!result.ok)
    return { ...result, values: submittedValues(form, { omit: ["files"], multi: ["agencyIds"] }) };
  revalidatePath("/obstacles");
  revalidatePath(`/units/${String(form.get("unitId"))}`);
  redirect(`/units/${String(form.get("unitId"))}?saved=obstacle`);
}

export async function changeObstacleStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await changeObstacleStatus(await getCurrentUser(), Object.fromEntries(form), t);
  if (result.ok) {
    revalidatePath("/obstacles");
    revalidatePath(`/units/${String(form.get("unitId"))}`);
  }
  return result;
}

export async function addObstacleAttachmentsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await addObstacleAttachments(
    await getCurrentUser(),
    String(form.get("obstacleId") ?? ""),
    chosenFiles(form.getAll("files")),
    t,
  );
  if (result.ok) revalidatePath(`/units/${String(form.get("unitId"))}`);
  return result;
}
