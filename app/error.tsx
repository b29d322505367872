"use client";
import { useT } from "@/components/ui/messages";

// Shown when a page fails unexpectedly: a plain message and a retry, never the error itself.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
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
