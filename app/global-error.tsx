"use client";
import { GLOBAL_ERROR_TEXT } from "@/lib/i18n/global-error";
import { OUTAGE_DIGEST } from "@/lib/http/outage-digest";
import "./globals.css";

// Shown when the root layout itself failed (app/error.tsx covers everything below it). It
// replaces the whole document, so it has no layout, no message provider and no user's
// language: it says the same thing in Persian, then English, with a retry. Never the error
// itself: only the digest, which the server logged beside the request's id.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const outage = error.digest === OUTAGE_DIGEST;
  const reference = error.digest && !outage ? error.digest : null;
  return (
    <html lang="fa" dir="rtl">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-lg space-y-6 p-8 text-center">
          {(["fa", "en"] as const).map((lang) => {
            const text = GLOBAL_ERROR_TEXT[lang];
            return (
              <section key={lang} lang={lang} dir={text.dir} className="space-y-3">
                <p role={lang === "fa" ? "alert" : undefined} className="text-slate-800">
                  {outage ? text.outagePage : text.unexpected}
                </p>
                {reference ? (
                  <p className="text-sm text-slate-600">{text.reference.replace("{reference}", reference)}</p>
                ) : null}
              </section>
            );
          })}
          <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
            {GLOBAL_ERROR_TEXT.fa.retry} / <span lang="en">{GLOBAL_ERROR_TEXT.en.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
