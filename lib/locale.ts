import "server-only";
// The reader's language for this request: the signed-in user's setting, else the visitor's
// cookie, else Persian. Here rather than in lib/i18n: the language helpers take a locale and
// never ask who is signed in (the linter refuses lib/i18n -> lib/auth, docs/architecture.md).
import { cache } from "react";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/outage";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, translator, type Locale } from "@/lib/i18n/messages";

export { LOCALE_COOKIE };

/** The signed-in user's language, else the visitor's cookie, else Persian. */
export const getLocale = cache(async (): Promise<Locale> => {
  // During a database outage the user's own setting is out of reach; the cookie still
  // lets us say so in their language.
  const user = await getCurrentUser().catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  });
  if (user) return user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
});

export async function getTranslator() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
