"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { type FormState, malformedRequest, submittedValues } from "@/lib/forms";
import { createUser, setUserActive, updateUser, userFormInput } from "./mutations";

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await createUser(await getCurrentUser(), userFormInput(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form, { multi: ["roles"] }) };
  revalidatePath("/admin/users");
  redirect("/admin/users?saved=created");
}

export async function updateUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await updateUser(await getCurrentUser(), userFormInput(form), t);
  if (!result.ok) return { ...result, values: submittedValues(form, { multi: ["roles"] }) };
  revalidatePath("/admin/users");
  return result;
}

export async function setUserActiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const result = await setUserActive(
    await getCurrentUser(),
    String(form.get("id") ?? ""),
    form.get("active") === "true",
    t,
  );
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
