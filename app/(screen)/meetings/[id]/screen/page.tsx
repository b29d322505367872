import { Suspense } from "react";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { translator } from "@/lib/i18n/messages";
import { pageContext } from "@/lib/page";
import type { Actor } from "@/lib/auth/policy";
import { getMeeting, getMeetingRef } from "@/lib/meetings/queries";
import { PageSkeleton } from "@/components/ui/skeleton";
import { hallScreenView } from "@/lib/meetings/screen-view";
import { HallScreen as HallScreenCase } from "@/components/meetings/hall-screen";

// The hall screen: a projector or TV in the session's room, or the chair's tablet. Read-only,
// no navigation; the secretariat moves it from case to case from the session page, and it
// patches itself in place when anything is saved (docs/decisions/082-hall-screen.md, 084).

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
  return (
    <main lang="fa" dir="rtl" className="min-h-screen bg-black p-8 text-white md:p-12">
      <HallScreenCase
        meetingId={meeting.id}
        initial={hallScreenView(meeting, t)}
        labels={{
          obstacles: t("meetings.room.screenObstacles"),
          resolutions: t("meetings.room.screenResolutions"),
          noResolutions: t("meetings.room.screenNoResolutions"),
          waiting: t("meetings.room.screenWaiting"),
        }}
      />
    </main>
  );
}
