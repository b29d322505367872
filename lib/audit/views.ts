// What the audit log shows (app/(app)/admin/audit/page.tsx), on the list primitives
// (lib/views/list.ts): the filters as typed, the events in words (lib/audit/words.ts) and the
// links on through the cursor. Decided without a browser (tests/unit/list-views.test.ts).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { listHref } from "@/lib/units/url";
import type { ListView, SearchParams } from "@/lib/views/list";
import { auditPeople, listAuditEvents } from "./queries";
import { AUDIT_ENTITY_TYPES, auditFilterSchema, KNOWN_AUDIT_ACTIONS, type AuditFilters } from "./schema";
import { describeAuditEvents, type AuditEventWords } from "./words";

const PATH = "/admin/audit";

export type AuditLogData = {
  filters: AuditFilters;
  /** The dates as the user typed them (Jalali), for the form and the links. */
  typed: { from?: string; to?: string };
  people: Awaited<ReturnType<typeof auditPeople>>;
  events: AuditEventWords[];
  nextCursor: string | null;
};

/** The audit log: person, record type, record, action and period; newest first, by cursor. */
export function auditLog(data: AuditLogData, t: Translate): ListView<never> & { events: AuditEventWords[] } {
  const { filters: f, typed } = data;
  // Links keep what the user typed (Jalali dates as entered), not the parsed values.
  const kept = {
    actorId: f.actorId,
    entityType: f.entityType,
    entityId: f.entityId,
    action: f.action,
    from: typed.from,
    to: typed.to,
  };
  const links = [
    ...(f.cursor ? [{ href: listHref(PATH, kept), label: t("audit.first") }] : []),
    ...(data.nextCursor
      ? [{ href: listHref(PATH, { ...kept, cursor: data.nextCursor }), label: t("audit.next") }]
      : []),
  ];
  return {
    filters: {
      label: t("audit.title"),
      search: false,
      layout: "grid",
      columns: 4,
      filters: [
        {
          kind: "select",
          id: "audit-person",
          label: t("audit.person"),
          name: "actorId",
          value: f.actorId,
          all: t("audit.anyPerson"),
          options: data.people.map((p) => [p.id, `${p.name} (${p.email})`]),
        },
        {
          kind: "select",
          id: "audit-type",
          label: t("audit.recordType"),
          name: "entityType",
          value: f.entityType,
          all: t("audit.anyRecordType"),
          options: AUDIT_ENTITY_TYPES.map((type) => [type, t(`audit.entity.${type}`)]),
        },
        {
          kind: "text",
          id: "audit-entityId",
          name: "entityId",
          label: t("audit.record"),
          value: kept.entityId ?? "",
          ltr: true,
        },
        {
          kind: "text",
          id: "audit-action",
          name: "action",
          label: t("audit.action"),
          value: kept.action ?? "",
          ltr: true,
          suggestions: KNOWN_AUDIT_ACTIONS,
        },
        ...(["from", "to"] as const).map((k) => ({
          kind: "text" as const,
          id: `audit-${k}`,
          name: k,
          label: t(`audit.${k}`),
          value: kept[k] ?? "",
          ltr: true,
          placeholder: t(k === "from" ? "audit.fromPlaceholder" : "audit.toPlaceholder"),
          inputMode: "numeric" as const,
        })),
      ],
      submit: t("audit.filter"),
      clear: { href: PATH, label: t("dashboard.clear") },
    },
    columns: [],
    rows: [],
    events: data.events,
    empty: t("audit.none"),
    page: 1,
    pages: 1,
    pageHref: () => PATH,
    cursor: { label: t("audit.title"), links },
  };
}

export async function auditLogView(actor: Actor, searchParams: SearchParams, t: Translate, locale: Locale) {
  const flat = Object.fromEntries(
    Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const filters = auditFilterSchema.parse(flat);
  const [{ events, nextCursor }, people] = await Promise.all([
    listAuditEvents(actor, filters),
    auditPeople(actor),
  ]);
  return auditLog(
    {
      filters,
      typed: { from: flat.from, to: flat.to },
      people,
      events: await describeAuditEvents(actor, events, locale, t),
      nextCursor,
    },
    t,
  );
}
