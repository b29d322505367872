// The shape every server action answers with, and the step that turns a zod failure into
// localised field messages. Shared by the client (to show them) and the server.
import type { z } from "zod";
import { isMessageKey, type Translate } from "@/lib/i18n/messages";

export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

export const initialFormState: FormState = { ok: false };

/** Translates issues whose message is a message key; leaves any other text as it is. */
export function localiseIssues(error: z.ZodError, t: Translate): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    const text = isMessageKey(issue.message) ? t(issue.message) : t("validation.invalidInput");
    (out[field] ??= []).includes(text) || out[field].push(text);
  }
  return out;
}

export function invalid(error: z.ZodError, t: Translate): FormState {
  return { ok: false, message: t("validation.invalidInput"), fieldErrors: localiseIssues(error, t) };
}
