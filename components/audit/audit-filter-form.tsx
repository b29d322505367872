import Link from "next/link";
import type { auditPeople } from "@/lib/audit/queries";
import { AUDIT_ENTITY_TYPES, KNOWN_AUDIT_ACTIONS, type AuditFilters } from "@/lib/audit/schema";
import type { Translate } from "@/lib/i18n/messages";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";

/** What the audit filters show as typed (Jalali dates as entered), not as parsed. */
export type KeptAuditFilters = {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
};

/** The audit log's GET filter form: person, record type, record, action, period. */
export function AuditFilterForm({
  filters,
  kept,
  people,
  t,
}: {
  filters: AuditFilters;
  kept: KeptAuditFilters;
  people: Awaited<ReturnType<typeof auditPeople>>;
  t: Translate;
}) {
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
  );
}
