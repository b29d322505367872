import { getTranslator } from "@/lib/locale";

export type Shape = "list" | "dashboard" | "detail" | "form" | "document";

const bar = "animate-pulse rounded bg-slate-200";

/**
 * What a page looks like while its queries run (3–4 s on a busy server): the outline of the
 * page to come, not a spinner over a blank screen. Said once to screen readers. Never printed
 * (`no-print`): a document printed while it loads must not come out as grey bars.
 * `title={false}` when the page already shows its real heading above the skeleton.
 */
export async function PageSkeleton({ shape = "list", title = true }: { shape?: Shape; title?: boolean }) {
  const { t } = await getTranslator();
  return (
    <div aria-busy="true" className="no-print space-y-6" data-skeleton={shape}>
      {/* Not role="status": the flash message of the previous action is the page's status. */}
      <p aria-live="polite" className="sr-only">
        {t("common.loading")}
      </p>
      <div aria-hidden="true" className="space-y-6">
        {title && <div className={`${bar} h-8 w-64 max-w-full`} />}
        {shape === "dashboard" && (
          <>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
              {Array.from({ length: 4 }, (_, i) => (
                <div key={i} className={`${bar} h-20`} />
              ))}
            </div>
            <div className={`${bar} h-16`} />
            <div className="grid gap-4 md:grid-cols-2">
              <div className={`${bar} h-56`} />
              <div className={`${bar} h-56`} />
            </div>
          </>
        )}
        {(shape === "list" || shape === "dashboard") && (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            {shape === "list" && <div className={`${bar} mb-4 h-10`} />}
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className="flex gap-3">
                <div className={`${bar} h-5 flex-[3]`} />
                <div className={`${bar} h-5 flex-[2]`} />
                <div className={`${bar} h-5 flex-1`} />
              </div>
            ))}
          </div>
        )}
        {(shape === "detail" || shape === "document") && (
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            {Array.from({ length: shape === "document" ? 12 : 6 }, (_, i) => (
              <div key={i} className={`${bar} h-4`} style={{ width: `${90 - ((i * 17) % 40)}%` }} />
            ))}
          </div>
        )}
        {shape === "form" && (
          <div className="max-w-xl space-y-4">
            {Array.from({ length: 4 }, (_, i) => (
              <div key={i} className="space-y-1">
                <div className={`${bar} h-4 w-32`} />
                <div className={`${bar} h-10`} />
              </div>
            ))}
            <div className={`${bar} h-10 w-28`} />
          </div>
        )}
      </div>
    </div>
  );
}
