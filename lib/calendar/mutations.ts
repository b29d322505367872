import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, formatDate } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { mutation } from "@/lib/mutation";
import { calendarDays } from "./holidays";
import { holidayOverrideSchema, undoHolidayOverrideSchema } from "./schema";

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Records a correction of the holiday list for the administrator's scope: their province, or
 * the whole country for a national administrator. A second correction of the same day
 * replaces the first (one row per scope and day).
 */
export async function saveHolidayOverride(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = holidayOverrideSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "calendar.manage");
    const { date, kind, name } = parsed.data;
    const provinceId = actor.provinceId;
    // Only a day the country's list has off can be removed (official, or added nationally).
    if (kind === "REMOVE" && (await calendarDays(null, date, date, locale)).length === 0) {
      return {
        ok: false,
        message: t("calendar.notOfficial"),
        fieldErrors: { date: [t("calendar.notOfficial")] },
      };
    }
    await db.$transaction(async (tx) => {
      const before = await tx.holidayOverride.findFirst({ where: { provinceId, date: calendarDate(date) } });
      const row = before
        ? await tx.holidayOverride.update({
            where: { id: before.id },
            data: { kind, name, createdById: actor.id },
          })
        : await tx.holidayOverride.create({
            data: { provinceId, date: calendarDate(date), kind, name, createdById: actor.id },
          });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "calendar.override",
        entityType: "HolidayOverride",
        entityId: row.id,
        before: before ? { date, kind: before.kind, name: before.name } : undefined,
        after: { date, kind, name },
      });
    });
    return { ok: true, message: t("calendar.saved", { date: formatDate(date, locale) }) };
  });
}

/** Withdraws a correction of the administrator's own scope; the official day applies again. */
export async function undoHolidayOverride(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = undoHolidayOverrideSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "calendar.manage");
    const date = await db.$transaction(async (tx) => {
      // Scoped by province: another province's (or the nation's) correction is not found here.
      const row = await tx.holidayOverride.findFirstOrThrow({
        where: { id: parsed.data.id, provinceId: actor.provinceId },
      });
      await tx.holidayOverride.delete({ where: { id: row.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "calendar.undoOverride",
        entityType: "HolidayOverride",
        entityId: row.id,
        before: { date: isoOf(row.date), kind: row.kind, name: row.name },
      });
      return isoOf(row.date);
    });
    return { ok: true, message: t("calendar.undone", { date: formatDate(date, locale) }) };
  });
}
