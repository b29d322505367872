import "server-only";
import { db } from "@/lib/db";
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { addDays } from "@/lib/i18n/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "./schema";

// Reading the audit trail (policy "audit.read"): a provincial reader sees their province's
// events, a national one every event. The trail is never written here: recordAudit() in
// ./record.ts is the only writer, and a trigger refuses UPDATE and DELETE (docs/decisions/071).

export const AUDIT_PAGE_SIZE = 50;

const EVENT_SELECT = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.AuditEventSelect;
export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof EVENT_SELECT }>;

function scope(actor: Actor): Prisma.AuditEventWhereInput {
  return actor.provinceId === null ? {} : { provinceId: actor.provinceId };
}

/** Midnight in Tehran (UTC+03:30 all year since Iran dropped summer time in 2022) as an instant. */
const tehranMidnight = (iso: string) => new Date(`${iso}T00:00:00+03:30`);

// The cursor names the last event shown: newest first by (createdAt, id), so an event
// recorded while someone pages never shifts what "older" means.
const encodeCursor = (e: { createdAt: Date; id: string }) =>
  Buffer.from(`${e.createdAt.toISOString()}|${e.id}`, "utf8").toString("base64url");

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

export function auditWhere(
  actor: Actor,
  f: Partial<Omit<AuditFilters, "cursor">>,
): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [scope(actor)];
  if (f.actorId) and.push({ actorId: f.actorId });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.from) and.push({ createdAt: { gte: tehranMidnight(f.from) } });
  if (f.to) and.push({ createdAt: { lt: tehranMidnight(addDays(f.to, 1)) } });
  return { AND: and };
}

/** One page of the trail, newest first, and the cursor of the next (older) page. */
export async function listAuditEvents(actor: Actor, f: Partial<AuditFilters>, pageSize = AUDIT_PAGE_SIZE) {
  authorize(actor, "audit.read");
  const after = decodeCursor(f.cursor);
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      auditWhere(actor, f),
      after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: EVENT_SELECT,
  });
  const more = rows.length > pageSize;
  const events = more ? rows.slice(0, pageSize) : rows;
  const last = events.at(-1);
  return { events, nextCursor: more && last ? encodeCursor(last) : null };
}

/** People who may appear in the person filter: the reader's province's users, or everyone's. */
export async function auditPeople(actor: Actor) {
  authorize(actor, "audit.read");
  return db.user.findMany({
    where: actor.provinceId === null ? {} : { provinceId: actor.provinceId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, name: true, email: true },
  });
}

/**
 * The history section of a record's page: its events (and those of its parts, e.g. a
 * session's agenda items), newest first; null when the reader may not read the trail, so the
 * page leaves the section out.
 */
export async function recordHistory(
  actor: Actor,
  record: { provinceId: string | null; entities: { type: string; ids: string[] }[] },
  take = 100,
): Promise<AuditEventRow[] | null> {
  if (!can(actor, "audit.read", { provinceId: record.provinceId })) return null;
  return db.auditEvent.findMany({
    where: {
      AND: [
        scope(actor),
        { OR: record.entities.map((e) => ({ entityType: e.type, entityId: { in: e.ids } })) },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: EVENT_SELECT,
  });
}
