// The secretariat's intake inbox (app/(app)/intake/page.tsx) on the list primitives
// (lib/views/list.ts): units' own requests, oldest first, with their age in working days and
// their stage, already in the reader's language. Pure here; the page reads listIntake().
import "server-only";
import { formatDate, formatDigits, formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { ListView } from "@/lib/views/list";
import type { listIntake } from "./queries";
import { formatTrackingCode } from "./tracking";

type IntakeColumn = "unit" | "code" | "applicant" | "submitted" | "waiting" | "stage";

export function intakeList(
  rows: Awaited<ReturnType<typeof listIntake>>,
  t: Translate,
  locale: Locale,
): ListView<IntakeColumn> {
  return {
    columns: [
      { key: "unit", label: t("requests.unitName") },
      { key: "code", label: t("requests.trackingCode") },
      { key: "applicant", label: t("requests.applicant") },
      { key: "submitted", label: t("requests.submittedAt") },
      { key: "waiting", label: t("requests.waiting") },
      { key: "stage", label: t("requests.stage") },
    ],
    rows: rows.map((r) => ({
      id: r.id,
      data: undefined,
      cells: {
        unit: { text: r.unitName, href: `/intake/${r.id}` },
        code: {
          text: r.trackingCode ? formatDigits(formatTrackingCode(r.trackingCode), locale) : "—",
          ltr: true,
        },
        applicant: r.applicant.name,
        submitted: r.submittedAt ? formatDate(r.submittedAt, locale) : "—",
        waiting: t("requests.ageWorkingDays", { days: formatNumber(r.ageWorkingDays, locale) }),
        stage: t(
          `requests.stages.${r.status === "DOCUMENTS_REQUESTED" ? "DOCUMENTS_REQUESTED" : r.resubmittedAt ? "UNDER_REVIEW" : "RECEIVED"}`,
        ),
      },
    })),
    empty: t("requests.intakeEmpty"),
    // At most 200 waiting at once (listIntake): one page.
    page: 1,
    pages: 1,
    pageHref: () => "/intake",
  };
}
