import type { ReactNode } from "react";
import type { loadIntakeRequest } from "@/lib/requests/queries";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { formatDigits, formatNumber, formatRials, localName } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/card";

// The read-out of a unit's request that the applicant (apply/requests/[id]) and the
// secretariat (intake/[id]) both see: the unit's facts, the obstacles as described, the
// documents. Each page adds what only its reader has (the forms, the applicant, the match).

type IntakeRequest = NonNullable<Awaited<ReturnType<typeof loadIntakeRequest>>>;
type Facts = Pick<IntakeRequest, "unitNationalId" | "county" | "sector" | "operatingStatus" | "employees">;
/** An obstacle as the request describes it; what it became differs by reader. */
export type RequestObstacle = Omit<IntakeRequest["obstacles"][number], "obstacle">;
type Agency = IntakeRequest["agencies"][number];

type Speech = { t: Translate; locale: Locale };

/** One fact of the request: a term and its value. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The unit's facts as the applicant gave them; `children` adds the reader's own. */
export function RequestFacts({
  request,
  t,
  locale,
  wide = false,
  children,
}: Speech & { request: Facts; wide?: boolean; children?: ReactNode }) {
  return (
    <dl className={`grid grid-cols-1 gap-2 text-sm ${wide ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
      <Fact term={t("requests.unitNationalId")}>
        <bdi dir="ltr">{formatDigits(request.unitNationalId, locale)}</bdi>
      </Fact>
      <Fact term={t("requests.county")}>{request.county ? localName(request.county, locale) : "—"}</Fact>
      <Fact term={t("requests.sector")}>{request.sector ? t(`sector.${request.sector}`) : "—"}</Fact>
      <Fact term={t("requests.operatingStatus")}>
        {request.operatingStatus ? t(`operatingStatus.${request.operatingStatus}`) : "—"}
      </Fact>
      <Fact term={t("requests.employees")}>
        {request.employees === null ? "—" : formatNumber(request.employees, locale)}
      </Fact>
      {children}
    </dl>
  );
}

/**
 * The obstacles in the request's order; `more` adds lines under one (what it became, a
 * remove button). With `empty`, no obstacles shows that message instead of an empty list.
 */
export function RequestObstacles<O extends RequestObstacle>({
  obstacles,
  agencies,
  t,
  locale,
  empty,
  more,
}: Speech & {
  obstacles: O[];
  agencies: Agency[];
  empty?: string;
  more?: (obstacle: O) => ReactNode;
}) {
  if (empty !== undefined && obstacles.length === 0) return <EmptyState>{empty}</EmptyState>;
  const agencyName = new Map(agencies.map((a) => [a.id, localName(a, locale)]));
  return (
    <ol className="space-y-3">
      {obstacles.map((o, i) => (
        <li key={o.id} className="space-y-1 border-b border-slate-100 pb-3 text-sm last:border-0">
          <p className="font-semibold">
            {t("requests.obstacleNumber", { n: formatNumber(i + 1, locale) })} —{" "}
            {localName(o.category, locale)}
            {o.subCategory ? ` › ${localName(o.subCategory, locale)}` : ""}
          </p>
          <p className="whitespace-pre-line">{o.description}</p>
          {o.amountRials !== null && <p>{formatRials(o.amountRials, locale)}</p>}
          {o.agencyIds.length > 0 && (
            <p className="text-slate-600">
              {t("requests.agencies")}: {o.agencyIds.map((a) => agencyName.get(a) ?? "—").join("، ")}
            </p>
          )}
          {more?.(o)}
        </li>
      ))}
    </ol>
  );
}

/** The documents attached, each a link below `route` (the applicant's and the staff's differ). */
export function RequestDocuments({
  attachments,
  route,
  t,
}: {
  attachments: IntakeRequest["attachments"];
  route: "/api/apply/documents" | "/api/attachments";
  t: Translate;
}) {
  if (attachments.length === 0) return <p className="text-sm text-slate-600">{t("requests.noDocuments")}</p>;
  return (
    <ul className="list-inside list-disc text-sm">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`${route}/${a.id}`} className="text-brand-700 underline">
            {a.fileName}
          </a>
        </li>
      ))}
    </ul>
  );
}
