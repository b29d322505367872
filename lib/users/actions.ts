"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { getCurrentUser, getUserForPasswordChange } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { type FormState, malformedRequest, submittedValues } from "@/lib/forms";
import { changeOwnPassword, createUser, setUserActive, updateUser, userFormInput } from "./mutations";

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

export async function changeOwnPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const user = await getUserForPasswordChange();
  const { newPassword, ...result } = await changeOwnPassword(user, Object.fromEntries(form), t);
  if (!result.ok || !newPassword || !user) return result;
  // The change ended every session, this one too: sign this browser in again.
  await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/" });
  return result;
}
