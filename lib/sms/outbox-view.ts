import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import type { SmsStatus } from "@/lib/generated/prisma/enums";
import { smsDailyCap } from "@/lib/settings/queries";
import { usedToday } from "./outbox";

// The SMS outbox as the secretariat and the administrator read it (issue #37): what left, what
// waits and why (quiet hours, the cap, a retry), what the gateway charged, and how much of the
// province's daily cap today has used — counted by the same rule the sender applies.

export const SMS_PAGE_SIZE = 50;
export const SMS_STATUSES = [
  "PENDING",
  "SENDING",
  "SENT",
  "DELIVERED",
  "UNDELIVERED",
  "FAILED",
] as const satisfies readonly SmsStatus[];

/** The status filter from the address: anything else means no filter. */
export const smsStatusParam = (raw: string | undefined): SmsStatus | undefined =>
  SMS_STATUSES.find((s) => s === raw);

export async function smsOutboxView(
  actor: Actor,
  { page = 1, status }: { page?: number; status?: SmsStatus } = {},
  now = new Date(),
) {
  authorize(actor, "sms.outbox");
  const where = { ...provinceWhere(actor), ...(status ? { status } : {}) };
  const [total, items, provinces] = await Promise.all([
    db.smsMessage.count({ where }),
    db.smsMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * SMS_PAGE_SIZE,
      take: SMS_PAGE_SIZE,
      select: {
        id: true,
        toMobile: true,
        body: true,
        status: true,
        attempts: true,
        urgent: true,
        provider: true,
        providerMessageId: true,
        costUnits: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        deliveredAt: true,
        createdAt: true,
      },
    }),
    db.province.findMany({
      where: actor.provinceId ? { id: actor.provinceId } : {},
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  // A national reader sees every province's count; a provincial one, their own.
  const caps = await Promise.all(
    provinces.map(async (p) => ({
      ...p,
      used: await usedToday(p.id, now),
      cap: await smsDailyCap(p.id),
    })),
  );
  return {
    items,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / SMS_PAGE_SIZE)),
    caps: actor.provinceId ? caps : caps.filter((c) => c.used > 0),
  };
}
export type SmsOutboxView = Awaited<ReturnType<typeof smsOutboxView>>;
