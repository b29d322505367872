import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { createUnit, updateUnit } from "@/lib/units/mutations";
import { listAuditEvents, recordHistory } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { auditChanges } from "@/lib/audit/diff";
import { createActor, createCounty, createProvince, t } from "../support/fixtures";

// The audit trail as a reader finds it: filters, pages, province scope, and the promise
// that nobody can change it afterwards.

let provinceId: string;
let countyId: string;
let clerk: Actor;
let colleague: Actor;
let admin: Actor;
let unitId: string;

const filters = (raw: Record<string, string>) => auditFilterSchema.parse(raw);

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  countyId = (await createCounty(provinceId, "زرند", "Zarand")).id;
  clerk = await createActor(["SECRETARIAT"], { provinceId });
  colleague = await createActor(["SECRETARIAT"], { provinceId });
  admin = await createActor(["ADMIN"], { provinceId });
  const base = {
    name: "فولاد زرند آزمون",
    sector: "INDUSTRIAL",
    countyId,
    status: "ACTIVE",
    employees: "120",
  };
  const created = await createUnit(clerk, base, t);
  expect(created.ok, created.message).toBe(true);
  unitId = created.id ?? "";
  // An edit names the version it read (optimistic concurrency).
  const updated = await updateUnit(colleague, { ...base, id: unitId, version: 1, employees: "95" }, t);
  expect(updated.ok, updated.message).toBe(true);
});

describe("finding who changed what", () => {
  it("finds the change of a unit's employee count by record, with before and after", async () => {
    const { events } = await listAuditEvents(
      admin,
      filters({ entityType: "ProductionUnit", entityId: unitId }),
    );
    expect(events.map((e) => e.action)).toEqual(["unit.update", "unit.create"]);
    const [update] = events;
    expect(update?.actor?.id).toBe(colleague.id);
    expect(auditChanges(update?.before, update?.after)).toEqual([
      { field: "employees", before: 120, after: 95 },
    ]);
  });

  it("filters by person and by action prefix", async () => {
    const byColleague = await listAuditEvents(admin, filters({ actorId: colleague.id }));
    expect(byColleague.events.map((e) => e.action)).toEqual(["unit.update"]);
    const creations = await listAuditEvents(admin, filters({ action: "unit.cr", entityId: unitId }));
    expect(creations.events.map((e) => e.action)).toEqual(["unit.create"]);
  });

  it("filters by Jalali date range", async () => {
    const today = new Intl.DateTimeFormat("en-CA-u-ca-persian", {
      timeZone: "Asia/Tehran",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    })
      .formatToParts(new Date())
      .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
    const jalaliToday = `${today.year?.split(" ")[0]}/${today.month}/${today.day}`;
    const inRange = await listAuditEvents(
      admin,
      filters({ entityId: unitId, from: jalaliToday, to: jalaliToday }),
    );
    expect(inRange.events).toHaveLength(2);
    const before = await listAuditEvents(admin, filters({ entityId: unitId, to: "1400/01/01" }));
    expect(before.events).toHaveLength(0);
  });

  it("pages newest first with a cursor that new events do not disturb", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await listAuditEvents(
        admin,
        filters({ ...(cursor ? { cursor } : {}), entityType: "ProductionUnit" }),
        1,
      );
      seen.push(...page.events.map((e) => e.id));
      // Someone edits the unit while the reader pages: the new event is newer than the page.
      await updateUnit(
        colleague,
        { name: "فولاد زرند آزمون", sector: "INDUSTRIAL", countyId, employees: String(90 - i), id: unitId },
        t,
      );
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(2);
  });

  it("shows a province's trail only to that province's readers, and never to members", async () => {
    const elsewhere = await createActor(["ADMIN"], { provinceId: (await createProvince()).id });
    expect((await listAuditEvents(elsewhere, filters({ entityId: unitId }))).events).toHaveLength(0);
    const national = await createActor(["SECRETARIAT"], { provinceId: null });
    expect((await listAuditEvents(national, filters({ entityId: unitId }))).events.length).toBeGreaterThan(0);
    const member = await createActor(["MEMBER"], { provinceId });
    await expect(listAuditEvents(member, filters({}))).rejects.toThrow(/forbidden/);
    const entities = [{ type: "ProductionUnit", ids: [unitId] }];
    expect(await recordHistory(member, { provinceId, entities })).toBeNull();
    expect((await recordHistory(admin, { provinceId, entities }))?.length).toBeGreaterThan(1);
  });
});

describe("the trail cannot be changed", () => {
  it("refuses UPDATE and DELETE of an audit row, even straight through the database client", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: unitId } });
    await expect(
      db.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } }),
    ).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(
      db.$executeRaw`update "AuditEvent" set "actorId" = null where id = ${event.id}`,
    ).rejects.toThrow(/append-only/);
    const again = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(again.action).toBe(event.action);
  });
});
