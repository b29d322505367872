import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { agencyChoices } from "@/lib/agencies/choices";
import { pageTitle } from "@/lib/page";
import { followUpChoices } from "@/lib/resolutions/status";
import { todayInTehran } from "@/lib/i18n/format";
import { progressOfRow } from "@/lib/outcomes/progress";
import {
  getResolutionDetail,
  listResolutionReturns,
  remindReach,
  resolutionInReach,
} from "@/lib/resolutions/queries";
import { can } from "@/lib/auth/policy";
import { isOpenResolution } from "@/lib/resolutions/status";
import { listAgencyOptions } from "@/lib/meetings/queries";
import { disputeDays } from "@/lib/resolutions/returns";
import {
  ChaseActions,
  ExtensionHistory,
  FollowUpCards,
  MilestonesCard,
  ProgressReports,
  ResolutionDetails,
  ResolutionHeading,
  ResolutionHistory,
  ReturnCards,
  ReturnHistory,
} from "@/components/resolutions/resolution-file";

export const generateMetadata = pageTitle("resolutions.pageTitle");

async function ResolutionFile({ context, record: r }: RecordProps<typeof getResolutionDetail>) {
  const { user, t, locale } = context;
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
  const now = new Date();
  const returns = (await listResolutionReturns(user, r.id)).map((x) => ({
    ...x,
    daysSoFar: disputeDays(x.createdAt, now),
  }));
  const pendingReturn = returns.find((x) => x.status === "PENDING");
  const mayRemind = open && can(user, "resolution.remind", resource);
  const mayPlan = can(user, "resolution.plan", resource);
  const progress = progressOfRow(r);
  const mayReturn = open && !pendingReturn && can(user, "resolution.return", resource);
  const mayDecideReturn = pendingReturn !== undefined && can(user, "return.decide", resource);
  const agencies = agencyChoices(
    mayDecideReturn ? (await listAgencyOptions(user)).filter((a) => a.id !== r.responsibleAgency.id) : [],
    {},
    t,
    locale,
  );
  const words = { t, locale };

  return (
    <div className="space-y-6">
      <ResolutionHeading r={r} {...words} />
      <ResolutionDetails r={r} progress={progress} {...words} />
      <MilestonesCard r={r} today={todayInTehran()} mayPlan={mayPlan} open={open} {...words} />
      {mayRemind && (
        <ChaseActions
          id={r.id}
          reach={await remindReach(r.responsibleAgency.id)}
          mayIssueLetters={can(user, "letter.issue", { provinceId: r.provinceId })}
          t={t}
        />
      )}
      {(mayReturn || (mayDecideReturn && pendingReturn)) && (
        <ReturnCards
          r={r}
          mayReturn={mayReturn}
          pendingReturn={mayDecideReturn ? pendingReturn : undefined}
          agencies={agencies}
          {...words}
        />
      )}
      {(may.report || may.requestExtension || may.decideExtension || may.verify) && (
        <FollowUpCards r={r} may={may} pending={pending} {...words} />
      )}
      <ProgressReports reports={r.progressReports} {...words} />
      <ExtensionHistory requests={r.extensionRequests} {...words} />
      {returns.length > 0 && <ReturnHistory returns={returns} {...words} />}
      {r.history && <ResolutionHistory history={r.history} {...words} />}
    </div>
  );
}

// One cheap look-up before the file streams in behind its skeleton: an unknown id is a 404 only
// while the status has not been sent.
export default recordPage({
  action: "case.read",
  inReach: resolutionInReach,
  skeleton: "detail",
  load: getResolutionDetail,
  body: ResolutionFile,
});
