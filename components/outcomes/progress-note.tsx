import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { Progress } from "@/lib/outcomes/progress";

/**
 * A resolution's progress as a bar with its figure (lib/outcomes/progress.ts): the share of
 * steps done, or the agency's stated percentage. Nothing when neither is known.
 */
export function ProgressNote({
  progress,
  locale,
  t,
  detail = false,
}: {
  progress: Progress;
  locale: Locale;
  t: Translate;
  /** Also name the steps done and the agency's stated figure (the resolution's page). */
  detail?: boolean;
}) {
  if (progress.pct === null) return null;
  const n = (v: number) => formatNumber(v, locale);
  const value = t("outcomes.progress.value", { pct: n(progress.pct) });
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid="progress">
      <progress
        max={100}
        value={progress.pct}
        aria-label={`${t("outcomes.progress.label")}: ${value}`}
        className="h-2 w-20 accent-brand-700"
      />
      <span>{value}</span>
      {progress.total > 0 && (
        <span className="text-slate-500">
          {t("outcomes.progress.fromMilestones", { done: n(progress.done), total: n(progress.total) })}
        </span>
      )}
      {detail && progress.total > 0 && progress.stated !== null && (
        <span className="text-slate-500">{t("outcomes.progress.stated", { pct: n(progress.stated) })}</span>
      )}
    </div>
  );
}
