import { can } from "@/lib/auth/policy";
import { currentSessionBounds } from "@/lib/auth/session";
import { problem } from "@/lib/api/problem";
import { NotFound, route } from "@/lib/route";
import { getMeetingRef } from "@/lib/meetings/queries";
import { focusSchema, liveQuerySchema } from "@/lib/live/schema";
import { SSE_HEADERS, sessionEvents } from "@/lib/live/stream";
import { announceFocus } from "@/lib/live/presence";

// A session page's live stream (server-sent events) and where its reader is (POST).
export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "case.read", query: liveQuerySchema },
  async ({ user, params, request, query }) => {
    const meeting = await getMeetingRef(user, params.id ?? "");
    const watching = query.watch === "1";
    // The hall screen has its own rule; a session page's readers are everyone who may read it.
    if (!meeting || !can(user, watching ? "meeting.screen" : "case.read", { provinceId: meeting.provinceId }))
      throw new NotFound();
    const viewer = watching ? null : { userId: user.id, name: user.name };
    const session = await currentSessionBounds();
    if (!session) throw new NotFound();
    return new Response(sessionEvents(request, meeting.id, viewer, session), { headers: SSE_HEADERS });
  },
);

export const POST = route({ permission: "case.read" }, async ({ user, t, params, request }) => {
  const meeting = await getMeetingRef(user, params.id ?? "");
  if (!meeting) throw new NotFound();
  const parsed = focusSchema.safeParse(await request.json().catch(() => null));
  // A page announces only itself: its key starts with its reader's id.
  if (!parsed.success || !parsed.data.key.startsWith(`${user.id}:`))
    return problem("bad-request", t, t("errors.badRequest"));
  const known = await announceFocus(meeting.id, { ...parsed.data, userId: user.id, name: user.name });
  if (!known) throw new NotFound();
  return new Response(null, { status: 204 });
});
