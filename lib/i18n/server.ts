import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE, translator, type Locale } from "./messages";

export const LOCALE_COOKIE = "tashil-locale";

const isLocale = (v: string | undefined): v is Locale => v === "fa" || v === "en";

/** The signed-in user's language, else the visitor's cookie, else Persian. */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user) return user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
});

export async function getTranslator() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
