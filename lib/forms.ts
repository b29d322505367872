// The shape every server action answers with, and the step that turns a zod failure into
// localised field messages. Shared by the client (to show them) and the server.
import type { z } from "zod";
// Types only from the catalogue: client components import this module, and a value import
// would ship every message in both languages to the browser (issue #15).
import type { MessageKey, Translate } from "@/lib/i18n/messages";

export type FormValues = Record<string, string | string[]>;

export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user submitted, so a refused form comes back filled in (React resets forms). */
  values?: FormValues;
};

/** The submitted fields minus secrets, for `FormState.values`. */
export function submittedValues(
  form: FormData,
  { omit = ["password"], multi = [] }: { omit?: readonly string[]; multi?: readonly string[] } = {},
): FormValues {
  const out: FormValues = {};
  for (const key of multi) out[key] = [];
  for (const key of new Set(form.keys())) {
    if (omit.includes(key) || key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = multi.includes(key) ? all : (all[0] ?? "");
  }
  return out;
}

export const initialFormState: FormState = { ok: false };

/** One text field as the user submitted it, to fill a refused form back in. */
export function submittedValue(state: FormState, field: string): string | undefined {
  const v = state.values?.[field];
  return typeof v === "string" ? v : undefined;
}

/** Translates issues whose message is a message key; leaves any other text as it is. */
export function localiseIssues(error: z.ZodError, t: Translate): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    // A translator answers an unknown key with the key itself: then the message was not one.
    const translated = t(issue.message as MessageKey);
    const text = translated !== issue.message ? translated : t("validation.invalidInput");
    const messages = (out[field] ??= []);
    if (!messages.includes(text)) messages.push(text);
  }
  return out;
}

export function invalid(error: z.ZodError, t: Translate): FormState {
  return { ok: false, message: t("validation.invalidInput"), fieldErrors: localiseIssues(error, t) };
}

/**
 * For a server action called with something other than a form (a hand-made request: the
 * browser's own calls always send one). Answered in words rather than with a crash.
 */
export function malformedRequest(t: Translate): FormState {
  return { ok: false, message: t("errors.badRequest") };
}

/** The hidden field that carries a form render's idempotency key (lib/idempotency.ts). */
export const SUBMISSION_KEY_FIELD = "idempotencyKey";

/**
 * A random UUID (v4) for one form render. getRandomValues, not randomUUID: the latter is
 * missing on plain-http pages served to another machine (not a "secure context").
 */
export function newSubmissionKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
