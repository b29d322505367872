import { Suspense } from "react";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { translator } from "@/lib/i18n/messages";
import { pageContext } from "@/lib/page";
import type { Actor } from "@/lib/auth/policy";
import { getMeeting, getMeetingRef } from "@/lib/meetings/queries";
import { PageSkeleton } from "@/components/ui/skeleton";
import { hallScreenView } from "@/lib/meetings/screen-view";
import { ScreenLive } from "@/components/meetings/screen-live";

// The hall screen: a projector or TV in the session's room, or the chair's tablet. Read-only,
// no navigation; the secretariat moves it from case to case from the session page, and it
// redraws when anything is saved (docs/decisions/082-hall-screen.md).

export async function generateMetadata() {
  return { title: translator("fa")("meetings.room.screen") };
}

export default async function HallScreenPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await pageContext("meeting.screen");
  const { id } = await params;
  // The session's province first (one row), so an unknown id is a 404 and another province's
  // a 403 while the status can still say so; the screen itself streams in behind a skeleton.
  const ref = await getMeetingRef(user, id);
  if (!ref) notFound();
  if (!can(user, "meeting.screen", { provinceId: ref.provinceId })) forbidden();
  return (
    <Suspense
      fallback={
        <main className="min-h-screen bg-black p-8 md:p-12">
          <PageSkeleton shape="detail" />
        </main>
      }
    >
      <HallScreen user={user} id={id} />
    </Suspense>
  );
}

async function HallScreen({ user, id }: { user: Actor; id: string }) {
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const t = translator("fa");
  const { title, item } = hallScreenView(meeting, t);
  return (
    <main lang="fa" dir="rtl" className="min-h-screen bg-black p-8 text-white md:p-12">
      <ScreenLive meetingId={meeting.id} />
      <header className="mb-8 flex flex-wrap items-baseline justify-between gap-4 border-b-2 border-yellow-300 pb-4">
        <p className="text-2xl font-semibold text-yellow-300 md:text-3xl">{title}</p>
        {item && <p className="text-2xl md:text-3xl">{item.position}</p>}
      </header>
      {!item ? (
        <p className="text-4xl">{t("meetings.room.screenWaiting")}</p>
      ) : (
        <div className="space-y-10">
          <h1 className="text-5xl leading-tight font-bold md:text-6xl">{item.unitName}</h1>
          <section aria-labelledby="screen-obstacles" className="space-y-3">
            <h2 id="screen-obstacles" className="text-3xl font-semibold text-yellow-300">
              {t("meetings.room.screenObstacles")}
            </h2>
            <ul className="space-y-3 text-3xl leading-relaxed">
              {item.obstacles.map((o) => (
                <li key={o.id} className="border-s-4 border-white ps-4">
                  {o.description}
                  {o.amount && <strong className="ms-3 whitespace-nowrap text-yellow-200">{o.amount}</strong>}
                </li>
              ))}
            </ul>
            {item.total && <p className="text-3xl font-semibold">{item.total}</p>}
          </section>
          <section aria-labelledby="screen-resolutions" aria-live="polite" className="space-y-4">
            <h2 id="screen-resolutions" className="text-3xl font-semibold text-yellow-300">
              {t("meetings.room.screenResolutions")}
            </h2>
            {item.resolutions.length === 0 ? (
              <p className="text-3xl">{t("meetings.room.screenNoResolutions")}</p>
            ) : (
              <ol className="space-y-6">
                {item.resolutions.map((r) => (
                  <li key={r.id} className="rounded-lg border-2 border-white p-6">
                    <p className="text-4xl leading-snug">
                      <span className="me-3 font-bold text-yellow-300">{r.number}.</span>
                      {r.text}
                    </p>
                    <p className="mt-3 text-3xl font-semibold">{r.agency}</p>
                    {r.supporting && <p className="mt-1 text-2xl">{r.supporting}</p>}
                    <p className="mt-1 text-3xl">{r.deadline}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
