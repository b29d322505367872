import { NotFound, route } from "@/lib/route";
import { hallScreenState, roomState } from "@/lib/meetings/live-views";
import { roomQuerySchema } from "@/lib/live/schema";

// What a live session page (or, `?view=screen`, the hall screen) patches in after a change:
// the session's cases as the page draws them, authorised as the page is (decision 084).
export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "case.read", query: roomQuerySchema },
  async ({ user, locale, params, query }) => {
    const id = params.id ?? "";
    const body =
      query.view === "screen" ? await hallScreenState(user, id) : await roomState(user, id, locale);
    if (!body) throw new NotFound();
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  },
);
