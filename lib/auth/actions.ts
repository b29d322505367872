"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { type FormState, invalid, malformedRequest, submittedValues } from "@/lib/forms";
import { getLocale, getTranslator, LOCALE_COOKIE } from "@/lib/locale";
import { signIn, signOut } from "./auth";
import { getCurrentUser } from "./session";
import { loginSchema } from "@/lib/users/schema";

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const values = submittedValues(form);
  if (!parsed.success) return { ...invalid(parsed.error, t), values };
  try {
    // "/" sends each role on to its own home.
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true };
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "throttled")
      return { ok: false, message: t("login.throttled"), values };
    if (err instanceof CredentialsSignin && err.code === "unavailable")
      return { ok: false, message: t("errors.serviceUnavailable"), values };
    if (err instanceof AuthError) return { ok: false, message: t("login.invalid"), values };
    throw err; // a successful sign-in "throws" its redirect
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

/** Flips between Persian and English; kept on the user's account, and in a cookie for the login page. */
export async function switchLocaleAction(): Promise<void> {
  const next = (await getLocale()) === "fa" ? "en" : "fa";
  (await cookies()).set(LOCALE_COOKIE, next, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user)
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { locale: next } });
      await recordAudit(tx, {
        actorId: user.id,
        provinceId: user.provinceId,
        action: "user.locale",
        entityType: "User",
        entityId: user.id,
        before: { locale: user.locale },
        after: { locale: next },
      });
    });
  revalidatePath("/", "layout");
}
