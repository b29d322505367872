import { notFound } from "next/navigation";
import { recordPage } from "@/components/ui/record-page";
import { agencyChoices } from "@/lib/agencies/choices";
import { pageTitle, type PageContext } from "@/lib/page";
import { followUpChoices } from "@/lib/resolutions/status";
import {
  getResolutionDetail,
  listResolutionReturns,
  remindReach,
  resolutionInReach,
} from "@/lib/resolutions/queries";
import { can } from "@/lib/auth/policy";
import { isOpenResolution } from "@/lib/resolutions/status";
import { listAgencyOptions } from "@/lib/meetings/queries";
import { RemindNowButton } from "@/components/resolutions/chase-forms";
import {
  ExtensionRequests,
  FollowUpForms,
  ProgressReports,
  ResolutionDetails,
  ResolutionHistory,
  ReturnForms,
  ReturnHistory,
} from "@/components/resolutions/resolution-file";
import { meetingTitle } from "@/lib/meetings/title";

export const generateMetadata = pageTitle("resolutions.pageTitle");

export default recordPage({
  action: "case.read",
  inReach: resolutionInReach,
  skeleton: "detail",
  body: ResolutionFile,
});

async function ResolutionFile({ context, id }: { context: PageContext; id: string }) {
  const { user, t, locale } = context;
  const r = await getResolutionDetail(user, id);
  if (!r) notFound();
  const pending = r.extensionRequests.find((e) => e.status === "PENDING");
  // The UI hides what the server would refuse anyway (lib/resolutions/mutations.ts checks again).
  const may = followUpChoices(user, {
    status: r.status,
    provinceId: r.provinceId,
    responsibleAgencyId: r.responsibleAgency.id,
    hasPendingExtension: pending !== undefined,
  });
  const resource = { provinceId: r.provinceId, responsibleAgencyId: r.responsibleAgency.id };
  const open = isOpenResolution(r.status);
  const returns = await listResolutionReturns(user, r.id);
  const pendingReturn = returns.find((x) => x.status === "PENDING");
  const mayRemind = open && can(user, "resolution.remind", resource);
  const mayReturn = open && !pendingReturn && can(user, "resolution.return", resource);
  const mayDecideReturn = pendingReturn !== undefined && can(user, "return.decide", resource);
  const agencies = agencyChoices(
    mayDecideReturn ? (await listAgencyOptions(user)).filter((a) => a.id !== r.responsibleAgency.id) : [],
    {},
    t,
    locale,
  );

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">{meetingTitle(r.meeting, locale, t)}</p>
        <h1 className="text-2xl font-bold">
          {t("resolutions.pageTitle")}: {r.unit.name}
        </h1>
      </div>
      <ResolutionDetails r={r} t={t} locale={locale} />
      {mayRemind && (
        <div className="no-print">
          <RemindNowButton id={r.id} reach={await remindReach(r.responsibleAgency.id)} />
        </div>
      )}
      {(mayReturn || mayDecideReturn) && (
        <ReturnForms
          r={r}
          mayReturn={mayReturn}
          pendingReturn={mayDecideReturn ? pendingReturn : undefined}
          agencies={agencies}
          t={t}
          locale={locale}
        />
      )}
      {(may.report || may.requestExtension || may.decideExtension || may.verify) && (
        <FollowUpForms r={r} may={may} pending={pending} t={t} locale={locale} />
      )}
      <ProgressReports r={r} t={t} locale={locale} />
      <ExtensionRequests r={r} t={t} locale={locale} />
      {returns.length > 0 && <ReturnHistory returns={returns} t={t} locale={locale} />}
      {r.history && <ResolutionHistory history={r.history} t={t} locale={locale} />}
    </div>
  );
}
