import "server-only";
import { cookies } from "next/headers";
import { isMessageKey, type MessageKey } from "@/lib/i18n/messages";

// One flash mechanism: an action that redirects leaves a message key in a short-lived
// cookie; the app layout reads it once and shows it; the browser clears it (a server
// component may not write cookies). Setting a cookie in a server action re-renders the
// layouts, so the message appears on the page the action redirected to.
export const FLASH_COOKIE = "tashil-flash";

export type Flash = { key: MessageKey; params?: Record<string, string | number> };

export async function setFlash(flash: Flash): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeURIComponent(JSON.stringify(flash)), {
    path: "/",
    maxAge: 60,
    sameSite: "lax",
  });
}

/** The pending flash, if any; a malformed or foreign cookie is ignored. */
export async function readFlash(): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (typeof value !== "object" || value === null || !("key" in value)) return null;
    const { key, params } = value as { key: unknown; params?: unknown };
    if (typeof key !== "string" || !isMessageKey(key)) return null;
    const safeParams =
      params && typeof params === "object"
        ? Object.fromEntries(
            Object.entries(params).filter(
              (e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number",
            ),
          )
        : undefined;
    return { key, params: safeParams };
  } catch {
    return null;
  }
}
