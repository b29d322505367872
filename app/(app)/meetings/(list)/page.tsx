import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { listMeetings } from "@/lib/meetings/queries";
import { BODY_KINDS, MEETING_STATUSES } from "@/lib/meetings/schema";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { meetingTitle } from "@/lib/meetings/title";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { PlanNextCommitteeButton } from "@/components/meetings/meeting-form";
import { TableHead } from "@/components/ui/table-head";
import { jalaliYearParam, pageNumber } from "@/lib/validation";

export const generateMetadata = pageTitle("meetings.title");

type Search = { body?: string; status?: string; year?: string; page?: string };
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.find((x) => x === v);

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, t, locale } = await pageContext("case.read");
  const params = await searchParams;
  const filters = {
    body: oneOf(BODY_KINDS, params.body),
    status: oneOf(MEETING_STATUSES, params.status),
    year: jalaliYearParam(params.year),
    page: pageNumber(params.page),
  };
  const { meetings, total, pages, years } = await listMeetings(user, filters);
  const canWrite = can(user, "meeting.write");
  const query = (page: number) =>
    `/meetings?${new URLSearchParams({ ...(filters.body ? { body: filters.body } : {}), ...(filters.status ? { status: filters.status } : {}), ...(filters.year ? { year: String(filters.year) } : {}), page: String(page) })}`;
  const year = (y: number) => formatNumber(y, locale).replace(/[٬,]/g, "");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("meetings.title")}</h1>
          <p className="text-sm text-slate-600">{t("meetings.intro")}</p>
        </div>
        {(canWrite || can(user, "body.manage")) && (
          <div className="flex flex-wrap items-start gap-2">
            {can(user, "body.manage") && (
              <ButtonLink href="/meetings/bodies" variant="secondary">
                {t("bodies.manage")}
              </ButtonLink>
            )}
          </div>
        )}
        {canWrite && (
          <div className="flex flex-wrap items-start gap-2">
            <PlanNextCommitteeButton />
            <ButtonLink href="/meetings/new">{t("meetings.newSession")}</ButtonLink>
          </div>
        )}
      </div>
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("meetings.filter")}>
          <label className="text-sm">
            <span className="mb-1 block font-medium">{t("meetings.body")}</span>
            <select name="body" defaultValue={filters.body ?? ""} className={inputClass}>
              <option value="">{t("meetings.allBodies")}</option>
              {BODY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meeting.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">{t("meetings.status")}</span>
            <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
              <option value="">{t("meetings.allStatuses")}</option>
              {MEETING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`meetings.statusLabel.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">{t("meetings.year")}</span>
            <select
              name="year"
              defaultValue={filters.year ? String(filters.year) : ""}
              className={inputClass}
            >
              <option value="">{t("meetings.allYears")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {year(y)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            {t("meetings.filter")}
          </button>
        </form>
        <p className="mb-2 text-sm text-slate-600">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        {meetings.length === 0 ? (
          <EmptyState>{t("meetings.noSessions")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-sm">
              <TableHead
                labels={[
                  t("resolution.meeting"),
                  t("meetings.date"),
                  t("meetings.place"),
                  t("meetings.agendaCount"),
                  t("meetings.resolutionsCount"),
                  t("meetings.status"),
                ]}
              />
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100">
                    <td className="p-2">
                      <Link
                        href={`/meetings/${m.id}`}
                        className="font-medium text-brand-700 underline-offset-4 hover:underline"
                      >
                        {meetingTitle(m, locale, t)}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap p-2">
                      {formatDateTime(m.startsAt, locale, { style: "short" })}
                    </td>
                    <td className="p-2">{m.place ?? t("common.none")}</td>
                    <td className="p-2">{formatNumber(m._count.agendaItems, locale)}</td>
                    <td className="p-2">{formatNumber(m._count.resolutions, locale)}</td>
                    <td className="p-2">
                      <MeetingStatusBadge status={m.status} t={t} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={filters.page} pages={pages} href={query} t={t} locale={locale} />
      </Card>
    </div>
  );
}
