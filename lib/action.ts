import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { markOwnWrite } from "@/lib/db-read";
import { wroteNow } from "@/lib/cache";
import { setFlash, type Flash } from "@/lib/flash";
import { malformedRequest, submittedValues, type FormState } from "@/lib/forms";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/locale";
import { isDatabaseUnavailable } from "@/lib/outage";

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

/** The request's user and translator; the user is also left in `seen` for after the work. */
async function actionContext(seen: { user: SessionUser | null }): Promise<ActionContext> {
  const [{ t, locale }, user] = await Promise.all([getTranslator(), getCurrentUser()]);
  seen.user = user;
  return { user, t, locale };
}

/**
 * Runs the action's own work; a database outage anywhere in it (even looking up the
 * signed-in user) becomes the localised "temporarily unavailable; nothing was saved".
 */
async function unlessUnavailable<R extends FormState>(work: () => Promise<R>): Promise<R | FormState> {
  try {
    return await work();
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err; // includes redirect(), which unwinds by throwing
    const { t } = await getTranslator();
    return { ok: false, message: t("errors.serviceUnavailable") };
  }
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
    // A hand-made request may call the action with anything; the browser always sends a form.
    if (!(form instanceof FormData)) return malformedRequest((await getTranslator()).t) as R;
    // An outage answer has the FormState shape every action's R extends.
    const seen: { user: SessionUser | null } = { user: null };
    const result = (await unlessUnavailable(async () => run(await actionContext(seen), form))) as R;
    if (!result.ok) {
      if (options.echo === false) return result;
      return { ...result, values: submittedValues(form, options.echo ?? { omit: ["password", "files"] }) };
    }
    revalidate(options.revalidate, form, result);
    wroteNow(seen.user?.provinceId ?? null);
    await markOwnWrite();
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
    // The browser sends one plain object; anything else is a hand-made request.
    if (input === null || typeof input !== "object" || Array.isArray(input))
      return malformedRequest((await getTranslator()).t) as R;
    const seen: { user: SessionUser | null } = { user: null };
    const result = (await unlessUnavailable(async () => run(await actionContext(seen), input))) as R;
    if (result.ok) {
      revalidate(options.revalidate, input, result);
      wroteNow(seen.user?.provinceId ?? null);
      await markOwnWrite();
    }
    return result;
  };
}

/** A form field as a string ("" when absent or a file). */
export const field = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};
