import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatNumber, localName } from "@/lib/i18n/format";
import { agencyInReach, getAgency } from "@/lib/agencies/queries";
import { RecordHistory } from "@/components/audit/audit-event-list";
import { Card, Stat } from "@/components/ui/card";
import { AgencyForm } from "@/components/agencies/agency-form";
import { AgencyContacts, AgencyUsers } from "@/components/agencies/agency-file";
import { RemindAgencyButton } from "@/components/resolutions/chase-forms";
import { remindReach } from "@/lib/resolutions/queries";

export const generateMetadata = pageTitle("agencies.title");

async function AgencyFile({ context, record: agency }: RecordProps<typeof getAgency>) {
  const { user: actor, t, locale } = context;
  const name = localName(agency, locale);
  const writer = can(actor, "agency.write", { provinceId: agency.provinceId });
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
      {agency.users && <AgencyUsers users={agency.users} t={t} locale={locale} />}
      {writer ? (
        <Card title={t("agencies.editAgency")}>
          <AgencyForm agency={agency} locale={locale} />
        </Card>
      ) : (
        <AgencyContacts agency={agency} t={t} locale={locale} />
      )}
      <RecordHistory
        actor={actor}
        record={{ provinceId: agency.provinceId, entities: [{ type: "Agency", ids: [agency.id] }] }}
        t={t}
        locale={locale}
      />
    </div>
  );
}

export default recordPage({
  action: "case.read",
  inReach: agencyInReach,
  skeleton: "detail",
  load: getAgency,
  body: AgencyFile,
});
