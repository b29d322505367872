import Link from "next/link";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { formatDateTime } from "@/lib/i18n/format";
import type { Actor } from "@/lib/auth/policy";
import { recordHistory } from "@/lib/audit/queries";
import { describeAuditEvents, type AuditEventWords } from "@/lib/audit/words";
import { EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

/**
 * Audit events as people read them (lib/audit/words.ts): when, who, what happened to which
 * record in words, and each change named and formatted like the rest of the app. The stored
 * before/after is one click away for an administrator.
 */
export function AuditEventList({
  events,
  t,
  locale,
  showRecord = false,
  empty,
}: {
  events: AuditEventWords[];
  t: Translate;
  locale: Locale;
  /** On /admin/audit each event names its record; on a record's page it is implied. */
  showRecord?: boolean;
  empty: string;
}) {
  if (events.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ol className="space-y-3">
      {events.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 p-3">
          <EventLine event={e} showRecord={showRecord} t={t} locale={locale} />
          {e.changes.length > 0 && <EventChanges changes={e.changes} t={t} />}
          {e.raw && (
            <details className="mt-2 text-xs">
              <summary className="cursor-pointer text-slate-600">{t("audit.raw")}</summary>
              <pre dir="ltr" className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-start">
                {JSON.stringify({ action: e.raw.action, before: e.raw.before, after: e.raw.after }, null, 2)}
              </pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

/** When, who, what happened and (on the log) to which record. */
function EventLine({
  event: e,
  showRecord,
  t,
  locale,
}: {
  event: AuditEventWords;
  showRecord: boolean;
  t: Translate;
  locale: Locale;
}) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
        {formatDateTime(e.createdAt, locale, { style: "short" })}
      </time>
      <span className="font-medium">{e.actor}</span>
      <span>
        {e.action}
        {e.amendment && <> ({t("audit.amendment")})</>}
      </span>
      {showRecord && (
        <span className="text-slate-600">
          {e.record.type}:{" "}
          {e.record.href ? (
            <Link href={e.record.href} className="text-brand-700 underline underline-offset-4">
              {e.record.name}
            </Link>
          ) : (
            e.record.name
          )}
        </span>
      )}
    </div>
  );
}

/** Each change: the field, struck-out before and inserted after. */
function EventChanges({ changes, t }: { changes: AuditEventWords["changes"]; t: Translate }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("audit.what")}</caption>
        <TableHead
          className="text-xs text-slate-600"
          compact
          labels={[t("audit.field"), t("audit.before"), t("audit.after")]}
        />
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-t border-slate-100 align-top">
              <th scope="row" className="p-1 text-start font-normal text-slate-700">
                {c.label}
              </th>
              <td className="p-1 break-words text-red-800">
                <del className="no-underline">{c.before}</del>
              </td>
              <td className="p-1 break-words text-emerald-800">
                <ins className="no-underline">{c.after}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The "History" section of a record's page. */
export function HistorySection({
  events,
  t,
  locale,
}: {
  events: AuditEventWords[] | null;
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

/**
 * A record's history, read and described here: the events of its entities (the record and its
 * parts), or nothing where the reader may not read the trail.
 */
export async function RecordHistory({
  actor,
  record,
  t,
  locale,
}: {
  actor: Actor;
  record: Parameters<typeof recordHistory>[1];
  t: Translate;
  locale: Locale;
}) {
  const history = await recordHistory(actor, record);
  return (
    <HistorySection
      events={history && (await describeAuditEvents(actor, history, locale, t))}
      t={t}
      locale={locale}
    />
  );
}
