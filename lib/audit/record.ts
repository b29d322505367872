import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

export type AuditEntry = {
  actorId: string | null;
  provinceId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// JSON columns cannot hold bigint or Date as such; store them as strings.
const toJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined
    ? undefined
    : (JSON.parse(
        JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
      ) as Prisma.InputJsonValue);

/** Written inside the mutation's transaction, so a change and its audit trail land together. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      provinceId: entry.provinceId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

/** Many events in one insert, for bulk writes (a spreadsheet import's chunk). */
export async function recordAudits(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      actorId: entry.actorId,
      provinceId: entry.provinceId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    })),
  });
}
