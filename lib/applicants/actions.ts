"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { APPLICANT_HOME } from "@/lib/auth/policy";
import { invalid, malformedRequest, submittedValues } from "@/lib/forms";
import { getTranslator } from "@/lib/locale";
import type { MessageKey } from "@/lib/i18n/messages";
import { isDatabaseUnavailable } from "@/lib/outage";
import { requestSignInCode, requestSignUpCode, type CodeRequestState } from "./codes";
import { codeSchema } from "./schema";

// The applicant's sign-up and sign-in (issue #32). Not wrapped in formAction: nobody is signed
// in yet, and the last step hands over to Auth.js, which answers with a redirect.

const ip = async () => clientAddress(await headers());

async function asking(form: FormData, ask: typeof requestSignUpCode): Promise<CodeRequestState> {
  const { t, locale } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  try {
    const answer = await ask(Object.fromEntries(form), await ip(), t, locale);
    return answer.ok ? answer : { ...answer, values: submittedValues(form) };
  } catch (err) {
    if (isDatabaseUnavailable(err)) return { ok: false, message: t("errors.serviceUnavailable") };
    throw err;
  }
}

export async function requestSignUpCodeAction(
  _prev: CodeRequestState,
  form: FormData,
): Promise<CodeRequestState> {
  return asking(form, requestSignUpCode);
}

export async function requestSignInCodeAction(
  _prev: CodeRequestState,
  form: FormData,
): Promise<CodeRequestState> {
  return asking(form, requestSignInCode);
}

const REFUSALS: Record<string, MessageKey> = {
  expired: "applicants.codeExpired",
  attempts: "applicants.codeAttempts",
  throttled: "applicants.codeThrottled",
  unavailable: "errors.serviceUnavailable",
};

export async function enterCodeAction(_prev: CodeRequestState, form: FormData): Promise<CodeRequestState> {
  const { t } = await getTranslator();
  if (!(form instanceof FormData)) return malformedRequest(t);
  const parsed = codeSchema.safeParse({ address: form.get("address"), code: form.get("code") });
  const address = typeof form.get("address") === "string" ? String(form.get("address")) : "";
  if (!parsed.success) return { ...invalid(parsed.error, t), address };
  try {
    await signIn("applicant-code", { ...parsed.data, redirectTo: APPLICANT_HOME });
    return { ok: true };
  } catch (err) {
    if (err instanceof CredentialsSignin)
      return { ok: false, message: t(REFUSALS[err.code] ?? "applicants.codeInvalid"), address };
    if (err instanceof AuthError) return { ok: false, message: t("applicants.codeInvalid"), address };
    throw err; // a successful sign-in "throws" its redirect
  }
}
