import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, formatNumber, localName, todayInTehran } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { agencyRecipients, notify, RESOLUTION_FOR_NOTICE, resolutionParams } from "@/lib/notifications/inbox";
import { OPEN_STATUSES } from "./status";
import { remindAgencySchema, remindResolutionSchema } from "./schema";

// "Remind now": the secretariat chases by hand, between the scheduled reminders. At most
// once a Tehran day per resolution (a compare-and-set on lastRemindedOn), so a second click,
// a colleague's click or a whole-agency reminder the same day adds nothing.

/** Marks the open resolutions not yet reminded today; answers the ids it marked. */
async function claimToday(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  ids: string[],
  today: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const day = calendarDate(today);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Resolution" SET "lastRemindedOn" = ${day}::date
    WHERE id = ANY(${ids}) AND status::text = ANY(${[...OPEN_STATUSES]})
      AND ("lastRemindedOn" IS NULL OR "lastRemindedOn" < ${day}::date)
    RETURNING id`;
  return rows.map((r) => r.id);
}

export async function remindResolution(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  today = todayInTehran(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = remindResolutionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "resolution.remind");
    const { id } = parsed.data;
    await db.$transaction(async (tx) => {
      const r = await tx.resolution.findFirst({
        where: { id, ...provinceWhere(actor) },
        select: { ...RESOLUTION_FOR_NOTICE, status: true },
      });
      if (!r) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "resolution.remind", { provinceId: r.provinceId });
      if (!(OPEN_STATUSES as readonly string[]).includes(r.status))
        throw new UserFacingError(t("resolutions.notOpen"));
      if ((await claimToday(tx, [id], today)).length === 0)
        throw new UserFacingError(t("resolutions.remind.alreadyToday"));
      await notify(tx, {
        kind: "resolution.remind",
        eventKey: `resolution.remind:${id}:${today}`,
        provinceId: r.provinceId,
        link: `/resolutions/${id}`,
        recipients: await agencyRecipients(tx, r.responsibleAgencyId),
        params: resolutionParams(r),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: r.provinceId,
        action: "resolution.remind",
        entityType: "Resolution",
        entityId: id,
        after: { remindedOn: today },
      });
    });
    return { ok: true, message: t("resolutions.remind.sent") };
  });
}

/** Every open resolution of an agency not yet reminded today, in one notification per user. */
export async function remindAgency(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  today = todayInTehran(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = remindAgencySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "resolution.remind");
    const count = await db.$transaction(async (tx) => {
      const agency = await tx.agency.findFirst({
        where: { id: parsed.data.agencyId, ...provinceWhere(actor) },
        select: { id: true, provinceId: true, nameFa: true, nameEn: true },
      });
      if (!agency) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "resolution.remind", { provinceId: agency.provinceId });
      const open = await tx.resolution.findMany({
        where: { responsibleAgencyId: agency.id, status: { in: [...OPEN_STATUSES] } },
        select: { id: true },
        orderBy: { deadline: "asc" },
      });
      const claimed = await claimToday(
        tx,
        open.map((r) => r.id),
        today,
      );
      if (claimed.length === 0) return 0;
      const list = await tx.resolution.findMany({
        where: { id: { in: claimed } },
        select: RESOLUTION_FOR_NOTICE,
        orderBy: { deadline: "asc" },
      });
      const [first] = list;
      if (!first) return 0;
      await notify(tx, {
        kind: "resolution.remind",
        // The claimed set is new each time (a resolution is claimed once a day), so is the key.
        eventKey: `agency.remind:${agency.id}:${today}:${claimed.sort()[0]}`,
        provinceId: agency.provinceId,
        link: "/agency",
        recipients: await agencyRecipients(tx, agency.id),
        params: (locale, tr) => ({
          ...resolutionParams(first)(locale, tr),
          unit: tr("resolutions.remind.many", { count: formatNumber(list.length, locale) }),
          text: list.map((r) => `${r.unit.name}: ${r.text}`).join("\n"),
          agency: localName(agency, locale),
        }),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: agency.provinceId,
        action: "agency.remind",
        entityType: "Agency",
        entityId: agency.id,
        after: { remindedOn: today, resolutions: claimed },
      });
      return claimed.length;
    });
    if (count === 0) throw new UserFacingError(t("resolutions.remind.nothingToday"));
    return { ok: true, message: t("resolutions.remind.sentMany") };
  });
}
