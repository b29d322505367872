"use client";
import { useSyncExternalStore } from "react";
import { translator, type Locale } from "@/lib/i18n/messages";

const noSubscription = () => () => {};

// Shown when a page fails unexpectedly: a plain message and a retry, never the error itself.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  // The page's language is on <html lang>; the server render (no document) assumes Persian.
  const locale: Locale = useSyncExternalStore(
    noSubscription,
    () => (document.documentElement.lang === "en" ? "en" : "fa"),
    () => "fa",
  );
  const t = translator(locale);
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <p role="alert" className="mb-6 text-slate-800">
        {t("errors.unexpected")}
      </p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
        {t("errors.retry")}
      </button>
    </main>
  );
}
