import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";
import { auditPeople, listAuditEvents } from "@/lib/audit/queries";
import { describeAuditEvents } from "@/lib/audit/words";
import { auditFilterSchema } from "@/lib/audit/schema";
import { listHref } from "@/lib/units/url";
import { Card } from "@/components/ui/card";
import { AuditEventList } from "@/components/audit/audit-event-list";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { ListHeader } from "@/components/ui/list";

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
  return (
    <div className="space-y-6">
      <ListHeader title={t("audit.title")} intro={t("audit.intro")} />
      <AuditFilterForm filters={filters} kept={kept} people={people} t={t} />
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
