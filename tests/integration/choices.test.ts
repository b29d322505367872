import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { normalizeText } from "@/lib/i18n/normalize";
import { choiceById, searchChoices } from "@/lib/search/choices";
import {
  createActor,
  createAgency,
  createCounty,
  createMeeting,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

// The filter forms' server-searched pickers (/api/choices/<source>): what a person finds by
// typing, in their own province only.
let provinceId: string;
let otherProvinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let national: Awaited<ReturnType<typeof createActor>>;
let ceramic: string;
let foreignUnit: string;
let session7: string;
// Agency names are unique per province in the whole test database: a suffix of our own.
const unique = randomUUID().slice(0, 6);

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  otherProvinceId = (await createProvince()).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  national = await createActor(["SECRETARIAT"], { provinceId: null });
  ceramic = (await createUnit(provinceId, { name: "کاشی و سرامیک کرمان" })).id;
  await createUnit(provinceId, { name: "فولاد زرند" });
  foreignUnit = (await createUnit(otherProvinceId, { name: "کاشی و سرامیک یزد" })).id;
  const agency = await createAgency(provinceId, "اداره کل منابع طبیعی");
  const meeting = (number: number, startsAt: string) =>
    createMeeting(provinceId, { jalaliYear: 1404, number, startsAt: new Date(startsAt) });
  session7 = (await meeting(7, "2025-06-01")).id;
  const session8 = (await meeting(8, "2025-07-01")).id;
  await meeting(9, "2025-08-01"); // no resolutions: nothing to filter by
  for (const meetingId of [session7, session8])
    await createResolution({ provinceId, meetingId, unitId: ceramic, responsibleAgencyId: agency.id });
});

const ctx = (actor: Awaited<ReturnType<typeof createActor>>) => ({ actor, locale: "fa" as const, t });

describe("server-searched pickers", () => {
  it("finds a unit by its normalised name, typed with Arabic letters and without the ZWNJ or spaces", async () => {
    const found = await searchChoices(ctx(secretariat), "units", "كاشي وسراميك");
    expect(found.map((c) => c.name)).toEqual(["کاشی و سرامیک کرمان"]);
    // A provincial user's picker never offers another province's units, even by id.
    expect(await choiceById(ctx(secretariat), "units", foreignUnit)).toBeNull();
    expect(await choiceById(ctx(secretariat), "units", ceramic)).toMatchObject({
      name: "کاشی و سرامیک کرمان",
    });
  });

  it("tells a national viewer equal names apart by their province", async () => {
    const name = `بانک ملی ${unique}`;
    await createAgency(provinceId, name);
    await createAgency(otherProvinceId, name);
    const provinces = await db.province.findMany({ where: { id: { in: [provinceId, otherProvinceId] } } });
    const found = await searchChoices(ctx(national), "agencies", `بانك ملي ${unique}`);
    expect(found.map((c) => c.hint).sort()).toEqual(provinces.map((p) => p.nameFa).sort());
    const ours = await searchChoices(ctx(secretariat), "agencies", `بانك ملي ${unique}`);
    expect(ours).toEqual([expect.objectContaining({ name })]);
    expect(ours[0]?.hint).toBeUndefined();
  });

  it("finds sessions by number and year in any digits, newest first, only those with resolutions", async () => {
    const all = await searchChoices(ctx(secretariat), "sessions", "");
    expect(all).toHaveLength(2);
    expect(all.map((c) => c.name)[0]).toMatch(/هشتم/);
    const seventh = await searchChoices(ctx(secretariat), "sessions", "۷ ۱۴۰۴");
    expect(seventh.map((c) => c.id)).toEqual([session7]);
    expect(await searchChoices(ctx(secretariat), "sessions", "کمیته")).toEqual([]);
  });

  it("finds a county typed with Arabic letters, in the viewer's province only", async () => {
    await createCounty(provinceId, "کوهبنان");
    await createCounty(otherProvinceId, "کوهبنان");
    const found = await searchChoices(ctx(secretariat), "counties", "كوهبنان");
    expect(found.map((c) => c.name)).toEqual(["کوهبنان"]);
    const everywhere = await searchChoices(ctx(national), "counties", "كوهبنان");
    expect(everywhere.length).toBeGreaterThanOrEqual(2);
    expect(everywhere.every((c) => c.hint)).toBe(true);
  });

  it("answers a screenful at most", async () => {
    const county = await createCounty(provinceId, "انبوه", "Many");
    await db.productionUnit.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        provinceId,
        countyId: county.id,
        name: `آجرپزی ${i}`,
        nameNormalized: normalizeText(`آجرپزی ${i}`),
        sector: "INDUSTRIAL" as const,
        status: "ACTIVE" as const,
      })),
    });
    expect(await searchChoices(ctx(secretariat), "units", "آجرپزی")).toHaveLength(20);
  });
});
