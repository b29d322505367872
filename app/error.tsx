"use client";
import { useT } from "@/components/ui/messages";
import { OUTAGE_DIGEST } from "@/lib/http/outage-digest";

// Shown when a page fails unexpectedly: a plain message and a retry, never the error itself.
// A database outage (its digest set in lib/db.ts; the response is then a 503) says so. Any
// other digest is what the server logged beside the request's id (instrumentation.ts
// onRequestError), so a user who quotes it leads support to the request's log lines.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useT();
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <p role="alert" className="mb-6 text-slate-800">
        {error.digest === OUTAGE_DIGEST ? t("errors.outagePage") : t("errors.unexpected")}
      </p>
      {error.digest && error.digest !== OUTAGE_DIGEST ? (
        <p className="mb-6 text-sm text-slate-600">{t("errors.reference", { reference: error.digest })}</p>
      ) : null}
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
        {t("errors.retry")}
      </button>
    </main>
  );
}
