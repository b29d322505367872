import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";
import { auditPeople, listAuditEvents } from "@/lib/audit/queries";
import { describeAuditEvents } from "@/lib/audit/words";
import { AUDIT_ENTITY_TYPES, auditFilterSchema, KNOWN_AUDIT_ACTIONS } from "@/lib/audit/schema";
import { listHref } from "@/lib/units/url";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { AuditEventList } from "@/components/audit/audit-event-list";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("audit.title") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePermission("audit.read");
  const { t, locale } = await getTranslator();
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = auditFilterSchema.parse(flat);
  const [{ events, nextCursor }, people] = await Promise.all([
    listAuditEvents(actor, filters),
    auditPeople(actor),
  ]);
  // Links keep what the user typed (Jalali dates as entered), not the parsed values.
  const kept = {
    actorId: filters.actorId,
    entityType: filters.entityType,
    entityId: filters.entityId,
    action: filters.action,
    from: typeof flat.from === "string" ? flat.from : undefined,
    to: typeof flat.to === "string" ? flat.to : undefined,
  };
  const text = (name: "entityId" | "action" | "from" | "to", label: string, extra: object = {}) => (
    <div className="space-y-1">
      <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`audit-${name}`}
        name={name}
        defaultValue={kept[name] ?? ""}
        dir="ltr"
        className={inputClass}
        {...extra}
      />
    </div>
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("audit.intro")}</p>
      </div>
      <form
        method="get"
        aria-label={t("audit.title")}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <FilterSelect
          id="audit-person"
          label={t("audit.person")}
          name="actorId"
          value={filters.actorId}
          all={t("audit.anyPerson")}
          options={people.map((p) => [p.id, `${p.name} (${p.email})`])}
        />
        <FilterSelect
          id="audit-type"
          label={t("audit.recordType")}
          name="entityType"
          value={filters.entityType}
          all={t("audit.anyRecordType")}
          options={AUDIT_ENTITY_TYPES.map((type) => [type, t(`audit.entity.${type}`)])}
        />
        {text("entityId", t("audit.record"))}
        {text("action", t("audit.action"), { list: "audit-actions" })}
        <datalist id="audit-actions">
          {KNOWN_AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {text("from", t("audit.from"), { placeholder: t("audit.fromPlaceholder"), inputMode: "numeric" })}
        {text("to", t("audit.to"), { placeholder: t("audit.toPlaceholder"), inputMode: "numeric" })}
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {t("audit.filter")}
          </button>
          <Link href="/admin/audit" className={buttonClass("ghost")}>
            {t("dashboard.clear")}
          </Link>
        </div>
      </form>
      <Card>
        <AuditEventList
          events={await describeAuditEvents(actor, events, locale, t)}
          t={t}
          locale={locale}
          showRecord
          empty={t("audit.none")}
        />
        <nav aria-label={t("audit.title")} className="mt-4 flex gap-3 text-sm">
          {filters.cursor && (
            <Link href={listHref("/admin/audit", kept)} className="text-brand-700 hover:underline">
              {t("audit.first")}
            </Link>
          )}
          {nextCursor && (
            <Link
              href={listHref("/admin/audit", { ...kept, cursor: nextCursor })}
              className="text-brand-700 hover:underline"
            >
              {t("audit.next")}
            </Link>
          )}
        </nav>
      </Card>
    </div>
  );
}
