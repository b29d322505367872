import "server-only";
import type { Action } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/locale";

/**
 * Every page's first line: the signed-in user if the policy lets them open it (otherwise
 * the sign-in page or the 403 page), and the translator in their language.
 */
export async function pageContext(action: Action) {
  const user = await requirePermission(action);
  const { t, locale } = await getTranslator();
  return { user, t, locale };
}

/** What pageContext() gives: handed to the part of a page that streams in behind a skeleton. */
export type PageContext = Awaited<ReturnType<typeof pageContext>>;

/** A page's <title> from one message key, in the reader's language. */
export function pageTitle(key: MessageKey) {
  return async () => ({ title: (await getTranslator()).t(key) });
}

/**
 * The layout of a route with a loading skeleton: it checks the permission before the skeleton
 * streams. A page inside a loading boundary answers after the 200 status has been sent, so a
 * refusal made only there would not be a 403 (the page still checks too).
 */
export function permissionLayout(action: Action) {
  return async function PermissionLayout({ children }: { children: React.ReactNode }) {
    await requirePermission(action);
    return children;
  };
}
