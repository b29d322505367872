"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { submittedValues, type FormState } from "@/lib/forms";
import { updateBody } from "./mutations";

export async function updateBodyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  const input = { ...Object.fromEntries(form), memberIds: form.getAll("memberIds").map(String) };
  const result = await updateBody(await getCurrentUser(), input, t);
  if (!result.ok) return { ...result, values: submittedValues(form, { multi: ["memberIds"] }) };
  // Attendance lists and minutes of every session follow the membership.
  revalidatePath("/meetings", "layout");
  return result;
}
