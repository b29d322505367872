import { Suspense } from "react";
import { headers } from "next/headers";
import { getTranslator } from "@/lib/locale";
import { formatDate } from "@/lib/i18n/format";
import { clientAddress } from "@/lib/auth/client-address";
import { noticeNumberLabel } from "@/lib/notices/number";
import { verifyAllowed, verifyPaper } from "@/lib/letters/queries";
import { verifiedMinutesAmendments } from "@/lib/meetings/minutes-proof";
import { PublicHeader } from "@/components/layout/public-header";
import { PageSkeleton } from "@/components/ui/skeleton";
import { pageTitle } from "@/lib/page";
import type { Locale, Translate } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("verify.title");

/**
 * Public, no sign-in (issue #37): what the paper with this code must say — kind, number, date,
 * addressee, subject and text, nothing the paper does not show — and the SHA-256 of the text as
 * recorded. Throttled per address, so codes cannot be tried in bulk.
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { t } = await getTranslator();
  const { code } = await params;
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <PublicHeader title={t("verify.title")} t={t}>
        <p className="text-sm text-slate-600">{t("verify.intro")}</p>
      </PublicHeader>
      {/* Always a 200 (an unknown code is said so on the page): the answer streams in. */}
      <Suspense fallback={<PageSkeleton shape="detail" />}>
        <VerifyResult code={decoded(code)} />
      </Suspense>
    </main>
  );
}

type Paper = NonNullable<Awaited<ReturnType<typeof verifyPaper>>>;
type Words = { t: Translate; locale: Locale };

async function VerifyResult({ code }: { code: string }) {
  const { t, locale } = await getTranslator();
  const allowed = await verifyAllowed(clientAddress(await headers()));
  const paper = allowed ? await verifyPaper(code) : null;
  if (!allowed)
    return (
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
        {t("verify.tooMany")}
      </p>
    );
  if (!paper)
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t("verify.unknown")}
      </p>
    );
  // Approved minutes: the code names the version approved; later amendments are listed, dated.
  const amendments = paper.kind === "minutes" ? await verifiedMinutesAmendments(paper, locale, t) : null;
  return (
    <section aria-labelledby="paper" className="space-y-4">
      <p
        id="paper"
        role="status"
        className={
          paper.intact
            ? "rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
            : "rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        }
      >
        {paper.intact ? t("verify.genuine") : t("verify.altered")}
      </p>
      <PaperFacts paper={paper} t={t} locale={locale} />
      <div className="space-y-1">
        <h2 className="text-sm font-semibold">{t("verify.frozen")}</h2>
        <div
          lang="fa"
          dir="rtl"
          className="whitespace-pre-line rounded border border-slate-200 bg-white p-4 text-sm leading-8"
        >
          {paper.body}
        </div>
      </div>
      {paper.kind === "minutes" && amendments && (
        <MinutesAmendments
          approvedAt={paper.minutesApprovedAt}
          amendments={amendments}
          t={t}
          locale={locale}
        />
      )}
      <div className="space-y-1 text-sm">
        <h2 className="font-semibold">{t("verify.hash")}</h2>
        <p className="break-all font-mono text-xs" dir="ltr">
          {paper.contentHash}
        </p>
        <p className="text-xs text-slate-600">{t("verify.hashHint")}</p>
      </div>
    </section>
  );
}

/** What the paper says of itself: code, kind, province, number, date, addressee and subject. */
function PaperFacts({ paper, t, locale }: { paper: Paper } & Words) {
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-slate-600">{t("verify.codeLabel")}</dt>
      <dd className="font-mono" dir="ltr">
        {paper.code}
      </dd>
      <dt className="text-slate-600">{t("verify.kind")}</dt>
      <dd>{t(`verify.kinds.${paper.kind}`)}</dd>
      <dt className="text-slate-600">{t("verify.province")}</dt>
      <dd>{paper.province}</dd>
      <dt className="text-slate-600">{t("verify.number")}</dt>
      <dd>{noticeNumberLabel(paper.number, locale)}</dd>
      <dt className="text-slate-600">{t("verify.date")}</dt>
      <dd>{formatDate(paper.issuedAt, locale)}</dd>
      {paper.recipient !== null && (
        <>
          <dt className="text-slate-600">{t("verify.addressee")}</dt>
          <dd className="whitespace-pre-line" lang="fa" dir="rtl">
            {paper.recipient}
          </dd>
        </>
      )}
      <dt className="text-slate-600">{t("verify.subject")}</dt>
      <dd lang="fa" dir="rtl">
        {paper.subject}
      </dd>
    </dl>
  );
}

/** Approved minutes: the version the code names, and what was amended since, dated. */
function MinutesAmendments({
  approvedAt,
  amendments,
  t,
  locale,
}: {
  approvedAt: Date | null;
  amendments: Awaited<ReturnType<typeof verifiedMinutesAmendments>>;
} & Words) {
  return (
    <div className="space-y-1 text-sm">
      <h2 className="font-semibold">{t("verify.amendments")}</h2>
      {approvedAt && (
        <p className="text-xs text-slate-600">
          {t("verify.version", { date: formatDate(approvedAt, locale) })}
        </p>
      )}
      {amendments.length === 0 ? (
        <p>{t("verify.noAmendments")}</p>
      ) : (
        <ol className="space-y-1">
          {amendments.map((a) => (
            <li key={a.id}>
              <span className="font-medium">{a.date}: </span>
              {a.lines.join(" ")}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** A malformed escape (a hand-typed or cut URL) is an unknown code, never a 500. */
function decoded(code: string): string {
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}
