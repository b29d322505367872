import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { headsMissing, SessionAttendance } from "@/lib/outcomes/attendance";
import { EmptyState } from "@/components/ui/card";
import { AbsenceLetterForm } from "./absence-letter-form";

const MODE_LABEL = {
  HEAD: "meetings.attendance.HEAD",
  REPRESENTATIVE: "meetings.attendance.REPRESENTATIVE",
  ABSENT: "meetings.attendance.ABSENT",
  NONE: "meetings.attendance.notRecorded",
} as const;

/** An agency's latest attendances as symbols, newest first, each named for screen readers. */
export function AttendanceTrend({
  sessions,
  t,
  locale,
}: {
  sessions: readonly SessionAttendance[];
  t: Translate;
  locale: Locale;
}) {
  return (
    // `relative`: the screen-reader labels are absolutely positioned; without a positioned
    // ancestor inside the scrolling table they escape it and widen the page on a phone.
    <span className="relative whitespace-nowrap tracking-widest" data-testid="attendance-trend">
      {sessions.map((s) => {
        const label = `${formatDate(s.startsAt, locale, { style: "short" })}: ${t(MODE_LABEL[s.mode])}`;
        return (
          <span
            key={s.meetingId}
            title={label}
            className={
              s.mode === "HEAD"
                ? "text-emerald-700"
                : s.mode === "REPRESENTATIVE"
                  ? "text-amber-700"
                  : "text-red-700"
            }
          >
            <span aria-hidden="true">{t(`outcomes.attendance.symbol.${s.mode}`)}</span>
            <span className="sr-only">{label}</span>
          </span>
        );
      })}
    </span>
  );
}

/** The chair's list: heads who missed at least 2 of their last 4 sessions, each with a letter. */
export function AbsentHeads({
  items,
  t,
  locale,
}: {
  items: Awaited<ReturnType<typeof headsMissing>>;
  t: Translate;
  locale: Locale;
}) {
  if (items.length === 0) return <EmptyState>{t("outcomes.attendance.none")}</EmptyState>;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={t("outcomes.attendance.headsTitle")}>
      {items.map((a) => (
        <li key={a.agencyId} className="flex flex-wrap items-center gap-3 py-2">
          <span className="font-medium">{localName(a.agency, locale)}</span>
          {a.agency.headName && <span className="text-slate-600">{a.agency.headName}</span>}
          <span className="text-red-800">
            {t("outcomes.attendance.missed", { missed: n(a.missed), total: n(a.sessions.length) })}
          </span>
          <AttendanceTrend sessions={a.sessions} t={t} locale={locale} />
          <AbsenceLetterForm agencyId={a.agencyId} label={t("outcomes.attendance.letter")} />
        </li>
      ))}
    </ul>
  );
}
