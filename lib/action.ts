import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { setFlash, type Flash } from "@/lib/flash";
import { submittedValues, type FormState } from "@/lib/forms";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";

// The one place a domain mutation becomes a server action. The mutation (lib/<domain>/
// mutations.ts) does the four steps — parse, authorise, transact, audit — and answers a
// FormState; this wrapper adds what only a request has: the signed-in user (looked up on
// the server, never taken from the client), the translator, revalidation, and on success
// an optional redirect with a flash message. A refused form comes back filled in.

export type ActionContext = { user: SessionUser | null; t: Translate; locale: Locale };

/** A page, or with `layout` every page below it. */
type Revalidated = string | { layout: string };
type Paths<A, R> = readonly Revalidated[] | ((input: A, result: R) => readonly Revalidated[]);

type FormActionOptions<R extends FormState> = {
  /** Pages whose data the mutation changed. */
  revalidate?: Paths<FormData, R>;
  /** On success, go here (and show this message there); null stays on the page. */
  redirect?: (form: FormData, result: R) => { to: string; flash?: Flash } | null;
  /** Which submitted fields to send back on failure; false sends none. */
  echo?: { omit?: readonly string[]; multi?: readonly string[] } | false;
};

async function actionContext(): Promise<ActionContext> {
  const [{ t, locale }, user] = await Promise.all([getTranslator(), getCurrentUser()]);
  return { user, t, locale };
}

function revalidate<A, R>(paths: Paths<A, R> | undefined, input: A, result: R) {
  const list = typeof paths === "function" ? paths(input, result) : (paths ?? []);
  for (const path of list)
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path.layout, "layout");
}

/** A server action for a `<form action>` used with `useActionState`. */
export function formAction<R extends FormState>(
  run: (ctx: ActionContext, form: FormData) => Promise<R>,
  options: FormActionOptions<R> = {},
): (prev: R, form: FormData) => Promise<R> {
  return async (_prev, form) => {
    const result = await run(await actionContext(), form);
    if (!result.ok) {
      if (options.echo === false) return result;
      return { ...result, values: submittedValues(form, options.echo ?? { omit: ["password", "files"] }) };
    }
    revalidate(options.revalidate, form, result);
    const next = options.redirect?.(form, result);
    if (next) {
      if (next.flash) await setFlash(next.flash);
      redirect(next.to);
    }
    return result;
  };
}

/** A server action called from a client component with a plain object. */
export function inputAction<I, R extends FormState>(
  run: (ctx: ActionContext, input: I) => Promise<R>,
  options: { revalidate?: Paths<I, R> } = {},
): (input: I) => Promise<R> {
  return async (input) => {
    const result = await run(await actionContext(), input);
    if (result.ok) revalidate(options.revalidate, input, result);
    return result;
  };
}

/** A form field as a string ("" when absent or a file). */
export const field = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};
