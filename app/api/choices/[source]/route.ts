import { narrowToProvince } from "@/lib/auth/policy";
import { route, NotFound } from "@/lib/route";
import { CHOICE_SOURCES, choiceQuerySchema, searchChoices, type ChoiceSource } from "@/lib/search/choices";

// The filter forms' pickers ask here as people type (components/ui/search-combobox.tsx):
// /api/choices/units?q=… answers `{ choices: [{ id, name, hint? }] }`, at most a screenful,
// in the signed-in user's province (docs/decisions/120-server-searched-pickers.md).
export const GET = route({ permission: "case.read", query: choiceQuerySchema }, async (ctx) => {
  const source = CHOICE_SOURCES.find((s): s is ChoiceSource => s === ctx.params.source);
  if (!source) throw new NotFound();
  // Only a national viewer narrows; a provincial user's own province always applies.
  const { province } = ctx.query;
  const actor = province && ctx.user.provinceId === null ? narrowToProvince(ctx.user, province) : ctx.user;
  const choices = await searchChoices({ actor, locale: ctx.locale, t: ctx.t }, source, ctx.query.q);
  // Private and short-lived: the answer depends on who asks, and records change.
  return Response.json({ choices }, { headers: { "Cache-Control": "private, max-age=30" } });
});
