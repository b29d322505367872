import { notFound } from "next/navigation";
import { recordPage } from "@/components/ui/record-page";
import { pageTitle, type PageContext } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatNumber, localName, formatList, formatDigits } from "@/lib/i18n/format";
import { agencyInReach, getAgency } from "@/lib/agencies/queries";
import { recordHistory } from "@/lib/audit/queries";
import { describeAuditEvents } from "@/lib/audit/words";
import { HistorySection } from "@/components/audit/audit-event-list";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { AgencyForm } from "@/components/agencies/agency-form";
import { RemindAgencyButton } from "@/components/resolutions/chase-forms";
import { remindReach } from "@/lib/resolutions/queries";

export const generateMetadata = pageTitle("agencies.title");

export default recordPage({
  action: "case.read",
  inReach: agencyInReach,
  skeleton: "detail",
  body: AgencyFile,
});

async function AgencyFile({ context, id }: { context: PageContext; id: string }) {
  const { user: actor, t, locale } = context;
  const agency = await getAgency(actor, id);
  if (!agency) notFound();
  const name = localName(agency, locale);
  const writer = can(actor, "agency.write", { provinceId: agency.provinceId });
  const history = await recordHistory(actor, {
    provinceId: agency.provinceId,
    entities: [{ type: "Agency", ids: [agency.id] }],
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{name}</h1>
        {agency.openResolutions > 0 && can(actor, "resolution.remind", { provinceId: agency.provinceId }) && (
          <RemindAgencyButton agencyId={agency.id} reach={await remindReach(agency.id)} />
        )}
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("agencies.openResolutions")} value={formatNumber(agency.openResolutions, locale)} />
        <Stat
          label={t("agencies.overdueResolutions")}
          value={formatNumber(agency.overdueResolutions, locale)}
          tone={agency.overdueResolutions > 0 ? "danger" : "default"}
        />
        <Stat label={t("agencies.kind")} value={t(`agencyKind.${agency.kind}`)} />
      </dl>
      {agency.users && (
        <Card title={t("agencies.users")}>
          {agency.users.length === 0 ? (
            <EmptyState>{t("agencies.noUsers")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {agency.users.map((u) => (
                <li key={u.id} className="flex flex-wrap gap-3 py-2">
                  <span className="font-medium">{u.name}</span>
                  <span dir="ltr" className="text-slate-600">
                    {u.email}
                  </span>
                  <span className="text-slate-600">
                    {formatList(
                      u.roles.map((r) => t(`roles.${r}`)),
                      locale,
                    )}
                  </span>
                  {!u.active && <span className="text-red-700">{t("agencies.inactive")}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {writer ? (
        <Card title={t("agencies.editAgency")}>
          <AgencyForm agency={agency} locale={locale} />
        </Card>
      ) : (
        <Card>
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            {(
              [
                ["agencies.headName", agency.headName],
                ["agencies.headTitle", agency.headTitle],
                ["agencies.headMobile", agency.headMobile],
                ["agencies.phone", agency.phone],
                ["agencies.email", agency.email],
                ["agencies.address", agency.address],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="flex gap-2">
                <dt className="text-slate-600">{t(label)}:</dt>
                <dd>
                  {value === null ? (
                    t("common.none")
                  ) : label === "agencies.phone" ? (
                    <span dir="ltr">{formatDigits(value, locale)}</span>
                  ) : (
                    value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      )}
      <HistorySection
        events={history && (await describeAuditEvents(actor, history, locale, t))}
        t={t}
        locale={locale}
      />
    </div>
  );
}
