import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/policy";
import { formatDate, formatDateTime, formatDigits, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { meetingTitle } from "@/lib/meetings/title";
import { noticeNumberLabel } from "@/lib/notices/number";
import { auditChanges, describeValue } from "./diff";
import { auditRecordHref } from "./schema";
import type { AuditEventRow } from "./queries";

// The audit trail as people read it (issue #30): "Attendance recorded: 4th session of the
// working group — Bank Melli: head in person", not `attendance.save {"mode":"HEAD",
// "agencyId":"cmxcq…"}`. Each event is written in the reader's language, records and the ids
// inside a change are named by their names and numbers, values by their labels. Fields a
// reader has no words for (bookkeeping, internal links) are left out of the words; an
// administrator (policy "audit.raw") has the raw before/after one click away.

export type AuditChangeWords = { field: string; label: string; before: string; after: string };

export type AuditEventWords = {
  id: string;
  createdAt: Date;
  actor: string;
  /** What happened, in words. */
  action: string;
  amendment: boolean;
  record: { type: string; name: string; href: string | null };
  changes: AuditChangeWords[];
  /** The stored before/after, for administrators only. */
  raw: { action: string; before: unknown; after: unknown } | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Fields named …Id that are not links to records but numbers people carry: a unit's national id
 * (issue #30: the history showed it as "(deleted)", looked up as a record that does not exist).
 */
const NOT_LINKS = new Set(["nationalId", "unitNationalId"]);
/** A field holding the id (or ids) of records, to be named. */
const isLink = (field: string) => /Ids?$/.test(field) && !NOT_LINKS.has(field);

/** Every id a change names: fields called …Id or …Ids, and ids inside lists of links. */
function collectIds(value: unknown, key: string, into: Set<string>): void {
  if (typeof value === "string") {
    if (isLink(key) && value) into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collectIds(v, key, into);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) collectIds(v, k, into);
}

/** Names for ids of every kind of record an event may mention, in one query per table. */
async function namesOf(ids: string[], locale: Locale, t: Translate): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const idIn = { id: { in: ids } };
  const titled = { number: true, jalaliYear: true, body: { select: { kind: true } } } as const;
  const [agencies, units, meetings, obstacles, users, counties, categories, resolutions, items, notices] =
    await Promise.all([
      db.agency.findMany({ where: idIn, select: { id: true, nameFa: true, nameEn: true } }),
      db.productionUnit.findMany({ where: idIn, select: { id: true, name: true } }),
      db.meeting.findMany({ where: idIn, select: { id: true, ...titled } }),
      db.obstacle.findMany({ where: idIn, select: { id: true, description: true } }),
      db.user.findMany({ where: idIn, select: { id: true, name: true } }),
      db.county.findMany({ where: idIn, select: { id: true, nameFa: true, nameEn: true } }),
      db.obstacleCategory.findMany({ where: idIn, select: { id: true, nameFa: true, nameEn: true } }),
      db.resolution.findMany({
        where: idIn,
        select: { id: true, sequence: true, meeting: { select: titled } },
      }),
      db.agendaItem.findMany({ where: idIn, select: { id: true, unit: { select: { name: true } } } }),
      db.notice.findMany({ where: idIn, select: { id: true, number: true, jalaliYear: true } }),
    ]);
  for (const a of [...agencies, ...counties, ...categories]) names.set(a.id, localName(a, locale));
  for (const u of [...units, ...users]) names.set(u.id, u.name);
  for (const m of meetings) names.set(m.id, meetingTitle(m, locale, t));
  for (const o of obstacles)
    names.set(o.id, o.description.length > 60 ? `${o.description.slice(0, 60)}…` : o.description);
  for (const r of resolutions)
    names.set(
      r.id,
      t("audit.names.resolution", {
        n: formatNumber(r.sequence, locale),
        meeting: meetingTitle(r.meeting, locale, t),
      }),
    );
  for (const i of items) names.set(i.id, t("audit.names.agendaItem", { unit: i.unit.name }));
  for (const n of notices) names.set(n.id, t("notices.linkLabel", { number: noticeNumberLabel(n, locale) }));
  return names;
}

type Line = Record<string, unknown>;
const lineId = (line: Line): string | null => {
  const entry = Object.entries(line).find(([k, v]) => /Id$/.test(k) && typeof v === "string");
  return entry ? (entry[1] as string) : null;
};

/**
 * Before/after stored as lists of lines, each about one record (attendance.save keeps
 * `[{ agencyId, mode, attendeeName }]`): the lines that changed, by the record they name.
 * Null when the values are not such lists.
 */
function listChanges(
  before: unknown,
  after: unknown,
): { id: string; before: Line | undefined; after: Line | undefined }[] | null {
  const asLines = (v: unknown): Line[] | null =>
    Array.isArray(v) && v.every((x) => isRecord(x) && lineId(x) !== null) ? (v as Line[]) : null;
  const b = before === null || before === undefined ? [] : asLines(before);
  const a = after === null || after === undefined ? [] : asLines(after);
  if (!b || !a || (b.length === 0 && a.length === 0)) return null;
  const ids = [...new Set([...b, ...a].map((l) => lineId(l) ?? ""))];
  const find = (lines: Line[], id: string) => lines.find((l) => lineId(l) === id);
  return ids
    .map((id) => ({ id, before: find(b, id), after: find(a, id) }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

/** Where a coded value's label lives, by field (and, for `status`, by the record's type). */
function valueKey(entityType: string, field: string): string | null {
  switch (field) {
    case "status":
      return (
        {
          Resolution: "resolutionStatus",
          ProductionUnit: "operatingStatus",
          Obstacle: "obstacleStatus",
          Meeting: "meetings.statusLabel",
        }[entityType] ?? null
      );
    case "toStatus":
      return "resolutionStatus";
    case "mode":
      return "meetings.attendance";
    case "outcome":
      return "meetings.outcome";
    case "decision":
      return "meetings.followUp.decision";
    case "sector":
      return "sector";
    case "kind":
      return entityType === "Agency" ? "agencyKind" : null;
    case "roles":
      return "roles";
    default:
      return null;
  }
}

/**
 * The audit events in words for this reader. Ids are named, coded values labelled, dates in
 * the Jalali calendar, digit strings kept as identifiers (./diff.ts).
 */
export async function describeAuditEvents(
  actor: Actor,
  events: AuditEventRow[],
  locale: Locale,
  t: Translate,
): Promise<AuditEventWords[]> {
  const ids = new Set<string>();
  for (const e of events) {
    ids.add(e.entityId);
    collectIds(e.before, "", ids);
    collectIds(e.after, "", ids);
  }
  const names = await namesOf([...ids], locale, t);
  const known = (key: string) => {
    const text = t(key as MessageKey);
    return text === key ? null : text;
  };
  const seesRaw = can(actor, "audit.raw");
  const fmt = {
    date: (iso: string) => formatDate(iso, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale, { style: "short" }),
    number: (n: number) => formatNumber(n, locale),
    digits: (v: string) => formatDigits(v, locale),
    yes: t("common.yes"),
    no: t("common.no"),
    none: t("common.none"),
    separator: t("audit.listSeparator"),
  };
  const readable = (entityType: string, field: string, value: unknown): string => {
    const prefix = valueKey(entityType, field);
    const one = (v: unknown): unknown => {
      if (typeof v === "string" && isLink(field)) return names.get(v) ?? t("audit.names.removed");
      if (typeof v === "string" && prefix) return known(`${prefix}.${v}`) ?? v;
      // A list of links ({ agencyId }, { obstacleId }): the names they point to.
      if (isRecord(v)) {
        const linked = Object.entries(v).find(([k]) => /Id$/.test(k));
        if (linked && typeof linked[1] === "string") return names.get(linked[1]) ?? t("audit.names.removed");
      }
      return v;
    };
    return describeValue(Array.isArray(value) ? value.map(one) : one(value), fmt, field);
  };

  /** One line of a list change in words: its labelled fields, "Head in person — Attendee: X". */
  const lineWords = (entityType: string, line: Record<string, unknown> | undefined): string => {
    if (!line) return fmt.none;
    const parts = Object.entries(line).flatMap(([field, value]) => {
      if (isLink(field) || value === null || value === undefined || value === "") return [];
      const label = known(`audit.fields.${field}`);
      if (!label) return [];
      const text = readable(entityType, field, value);
      // The first coded value (the mode, the outcome) reads on its own; the others with a label.
      return [valueKey(entityType, field) ? text : `${label}: ${text}`];
    });
    return parts.join(" — ") || fmt.none;
  };

  return events.map((e) => {
    const amendment = e.action.endsWith("+amendment");
    const base = amendment ? e.action.slice(0, -"+amendment".length) : e.action;
    // A list of per-record lines (attendance: one per agency): each line its own change,
    // named by the record it is about.
    const lines = listChanges(e.before, e.after);
    const changes = lines
      ? lines.map(({ id, before, after }) => ({
          field: id,
          label: names.get(id) ?? t("audit.names.removed"),
          before: lineWords(e.entityType, before),
          after: lineWords(e.entityType, after),
        }))
      : auditChanges(e.before, e.after).flatMap((c): AuditChangeWords[] => {
          // Only what a reader has words for; the rest is bookkeeping or an internal link.
          const label = c.field === "id" ? null : known(`audit.fields.${c.field}`);
          if (!label) return [];
          return [
            {
              field: c.field,
              label,
              before: readable(e.entityType, c.field, c.before),
              after: readable(e.entityType, c.field, c.after),
            },
          ];
        });
    return {
      id: e.id,
      createdAt: e.createdAt,
      actor: e.actor?.name ?? t("audit.system"),
      action: known(`audit.actions.${base.replaceAll(".", "_")}`) ?? t("audit.actions.other"),
      amendment,
      record: {
        type: known(`audit.entity.${e.entityType}`) ?? e.entityType,
        name: names.get(e.entityId) ?? t("audit.names.removed"),
        href: auditRecordHref(e.entityType, e.entityId),
      },
      changes,
      raw: seesRaw ? { action: e.action, before: e.before, after: e.after } : null,
    };
  });
}
