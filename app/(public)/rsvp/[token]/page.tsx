import { Suspense } from "react";
import { getTranslator } from "@/lib/locale";
import { formatDate, formatDateTime, localName } from "@/lib/i18n/format";
import { rsvpView } from "@/lib/meetings/rsvp";
import { meetingTitle } from "@/lib/meetings/title";
import { pageTitle } from "@/lib/page";
import { PublicHeader } from "@/components/layout/public-header";
import { RsvpForm } from "@/components/meetings/rsvp-form";
import { PageSkeleton } from "@/components/ui/skeleton";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("rsvp.title");

/**
 * Public, no sign-in (issue #37 §3): the party named by the invitation's signed link says who
 * will attend. A link that is not the app's, or a party no longer invited, is told so.
 */
export default async function RsvpPage({ params }: { params: Promise<{ token: string }> }) {
  const { t } = await getTranslator();
  const token = decoded((await params).token);
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <PublicHeader title={t("rsvp.title")} t={t} />
      {/* The invitation and the session are read behind a skeleton; the page never answers "not
          found" (a bad link is a message), so its status is decided before they are read. */}
      <Suspense fallback={<PageSkeleton shape="detail" />}>
        <Reply token={token} />
      </Suspense>
    </main>
  );
}

async function Reply({ token }: { token: string }) {
  const { t, locale } = await getTranslator();
  const view = await rsvpView(token);
  return (
    <>
      {!view ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("rsvp.badLink")}
        </p>
      ) : (
        <section className="space-y-4">
          <div className="space-y-1 text-sm">
            <p className="text-base font-semibold">
              {t("rsvp.intro", {
                party: localName(view.name, locale),
                meeting: meetingTitle(view.meeting, locale, t),
              })}
            </p>
            <p>
              {t("rsvp.when", { when: formatDateTime(view.meeting.startsAt, locale, { style: "long" }) })}
            </p>
            <p>{t("rsvp.place", { place: view.meeting.place ?? t("invitations.noPlace") })}</p>
          </div>
          {view.reply && (
            <p className="rounded border border-green-300 bg-green-50 p-3 text-sm" data-testid="rsvp-current">
              {t("rsvp.current", {
                answer: `${t(`rsvp.${view.reply.mode}`)}${view.reply.attendeeName ? ` — ${view.reply.attendeeName}` : ""}`,
                date: formatDate(view.reply.answeredAt, locale),
              })}
            </p>
          )}
          {view.meeting.status === "PLANNED" ? (
            <RsvpForm
              token={token}
              mode={view.reply?.mode ?? null}
              attendeeName={view.reply?.attendeeName ?? null}
            />
          ) : (
            <p className="text-sm text-slate-700">{t("rsvp.closed")}</p>
          )}
        </section>
      )}
    </>
  );
}

/** A malformed escape in the address is a bad link, not an error page. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}
