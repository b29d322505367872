import Link from "next/link";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { formatDate, formatDateTime, formatDigits, formatNumber, listSeparator } from "@/lib/i18n/format";
import { auditChanges, describeValue } from "@/lib/audit/diff";
import { auditRecordHref } from "@/lib/audit/schema";
import { EmptyState } from "@/components/ui/card";

export type AuditEventView = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

/**
 * Audit events as people read them: when, who, what, and for each changed field its value
 * before and after, formatted like the rest of the app (Jalali dates, Persian digits).
 */
export function AuditEventList({
  events,
  t,
  locale,
  showRecord = false,
  empty,
}: {
  events: AuditEventView[];
  t: Translate;
  locale: Locale;
  /** On /admin/audit each event names its record; on a record's page it is implied. */
  showRecord?: boolean;
  empty: string;
}) {
  if (events.length === 0) return <EmptyState>{empty}</EmptyState>;
  const fmt = {
    date: (iso: string) => formatDate(iso, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale, { style: "short" }),
    number: (n: number) => formatNumber(n, locale),
    digits: (v: string) => formatDigits(v, locale),
    yes: t("common.yes"),
    no: t("common.no"),
    none: t("common.none"),
    separator: listSeparator(locale),
  };
  const fieldLabel = (field: string) => {
    const key = `audit.fields.${field}` as MessageKey;
    const label = t(key);
    return label === key ? field : label;
  };
  const entityLabel = (type: string) => {
    const key = `audit.entity.${type}` as MessageKey;
    const label = t(key);
    return label === key ? type : label;
  };
  return (
    <ol className="space-y-3">
      {events.map((e) => {
        // The record's own id is named in the event's heading already.
        const changes = auditChanges(e.before, e.after).filter((c) => c.field !== "id");
        const href = auditRecordHref(e.entityType, e.entityId);
        return (
          <li key={e.id} className="rounded-md border border-slate-200 p-3">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
              <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
                {formatDateTime(e.createdAt, locale, { style: "short" })}
              </time>
              <span className="font-medium">{e.actor?.name ?? t("audit.system")}</span>
              <code dir="ltr" className="rounded bg-slate-100 px-1.5 text-xs">
                {e.action}
              </code>
              {showRecord && (
                <span className="text-slate-600">
                  {entityLabel(e.entityType)}{" "}
                  {href ? (
                    <Link href={href} className="text-brand-700 underline-offset-4 hover:underline" dir="ltr">
                      {e.entityId}
                    </Link>
                  ) : (
                    <span dir="ltr">{e.entityId}</span>
                  )}
                </span>
              )}
            </div>
            {changes.length > 0 && (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full min-w-[28rem] text-sm">
                  <caption className="sr-only">{t("audit.what")}</caption>
                  <thead className="text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="p-1 text-start font-medium">
                        {t("audit.field")}
                      </th>
                      <th scope="col" className="p-1 text-start font-medium">
                        {t("audit.before")}
                      </th>
                      <th scope="col" className="p-1 text-start font-medium">
                        {t("audit.after")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((c) => (
                      <tr key={c.field} className="border-t border-slate-100 align-top">
                        <th scope="row" className="p-1 text-start font-normal text-slate-700">
                          {fieldLabel(c.field)}
                        </th>
                        <td className="p-1 break-words text-red-800">
                          <del className="no-underline">{describeValue(c.before, fmt, c.field)}</del>
                        </td>
                        <td className="p-1 break-words text-emerald-800">
                          <ins className="no-underline">{describeValue(c.after, fmt, c.field)}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The "History" section of a record's page. */
export function HistorySection({
  events,
  t,
  locale,
}: {
  events: AuditEventView[] | null;
  t: Translate;
  locale: Locale;
}) {
  if (events === null) return null;
  return (
    <section
      aria-labelledby="history-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="history-heading" className="mb-3 text-base font-semibold text-slate-800">
        {t("audit.history")}
      </h2>
      <AuditEventList events={events} t={t} locale={locale} empty={t("audit.noHistory")} />
    </section>
  );
}
