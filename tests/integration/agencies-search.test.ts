import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAgency, updateAgency } from "@/lib/agencies/mutations";
import { getAgency, listAgencies } from "@/lib/agencies/queries";
import { searchRegistry } from "@/lib/search/queries";
import { normalizeText } from "@/lib/i18n/normalize";
import {
  createActor,
  createAgency as agencyRow,
  createCategory,
  createCounty,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

const FORBIDDEN = "شما اجازه دسترسی به این بخش را ندارید.";
let provinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let admin: Awaited<ReturnType<typeof createActor>>;
let foreign: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  admin = await createActor(["ADMIN"], { provinceId });
  foreign = await createActor(["MEMBER"], { provinceId: (await createProvince()).id });
});

const agencyInput = (o: Record<string, unknown> = {}) => ({
  kind: "BANK",
  nameFa: "بانک ملی استان",
  nameEn: "Bank Melli",
  headName: "علی رضایی",
  phone: "034-3222",
  email: "Info@Bank.example",
  ...o,
});

describe("agencies", () => {
  it("creates and edits an agency, refusing a second one with the same normalised name", async () => {
    const created = await createAgency(secretariat, agencyInput(), t);
    expect(created).toMatchObject({ ok: true, message: "دستگاه ثبت شد." });
    const id = created.id ?? "";
    expect(await db.agency.findUniqueOrThrow({ where: { id } })).toMatchObject({
      provinceId,
      kind: "BANK",
      email: "info@bank.example",
      nameNormalized: normalizeText("بانک ملی استان"),
    });
    const again = await createAgency(admin, agencyInput({ nameFa: "بانك ملي استان" }), t);
    expect(again.fieldErrors?.nameFa).toEqual(["دستگاهی با این نام قبلاً ثبت شده است."]);
    expect(
      await updateAgency(
        admin,
        { ...agencyInput({ headName: "مریم احمدی" }), id, version: "1", active: "on" },
        t,
      ),
    ).toEqual({ ok: true, message: "تغییرات دستگاه ذخیره شد." });
    expect((await db.agency.findUniqueOrThrow({ where: { id } })).headName).toBe("مریم احمدی");
    expect(await db.auditEvent.count({ where: { entityId: id } })).toBe(2);
    expect(
      (await createAgency(secretariat, agencyInput({ email: "not-mail", nameFa: "x" }), t)).fieldErrors,
    ).toMatchObject({ email: ["ایمیل معتبر وارد کنید."], nameFa: ["نام را وارد کنید."] });
  });

  it("refuses agency writes for chair, agency, member and national users", async () => {
    const agency = await agencyRow(provinceId, "اداره آزمون", { nameEn: "Test office" });
    const readers = [
      await createActor(["CHAIR"], { provinceId }),
      await createActor(["AGENCY"], { provinceId, agencyId: agency.id }),
      await createActor(["MEMBER"], { provinceId }),
      await createActor(["SECRETARIAT"], { provinceId: null }),
    ];
    for (const actor of [...readers, null]) {
      expect(await createAgency(actor, agencyInput({ nameFa: "دستگاه رد شده" }), t)).toEqual({
        ok: false,
        message: FORBIDDEN,
      });
      expect(
        await updateAgency(actor, { ...agencyInput({ nameFa: "نام تازه" }), id: agency.id, version: "1" }, t),
      ).toEqual({ ok: false, message: FORBIDDEN });
    }
    expect(
      await db.agency.count({ where: { provinceId, nameFa: { in: ["دستگاه رد شده", "نام تازه"] } } }),
    ).toBe(0);
  });

  it("lists agencies with users and open resolutions, and shows each agency's page", async () => {
    const agency = await agencyRow(provinceId, "شرکت گاز آزمون", { kind: "COMPANY", nameEn: "Gas" });
    await createActor(["AGENCY"], { provinceId, agencyId: agency.id });
    const countyId = (await createCounty(provinceId, "کهنوج", "Kahnuj")).id;
    const unit = await createUnit(provinceId, { countyId, name: "واحد گاز", status: "ACTIVE" });
    const meeting = await createMeeting(provinceId, {
      jalaliYear: 1404,
      number: 1,
      startsAt: new Date("2025-05-01T05:00:00Z"),
    });
    const at = { provinceId, meetingId: meeting.id, unitId: unit.id, responsibleAgencyId: agency.id };
    for (const [deadline, status] of [
      ["2020-01-01", "ISSUED"],
      ["2099-01-01", "IN_PROGRESS"],
      ["2020-01-01", "VERIFIED"],
    ] as const)
      await createResolution(at, { text: "اقدام", deadline, status });
    const { agencies } = await listAgencies(secretariat, { q: "گاز آزمون" });
    expect(agencies.map((a) => [a.nameFa, a._count.users, a._count.responsibleResolutions])).toEqual([
      ["شرکت گاز آزمون", 1, 2],
    ]);
    const page = await getAgency(await createActor(["CHAIR"], { provinceId }), agency.id);
    expect(page).toMatchObject({ openResolutions: 2, overdueResolutions: 1 });
    // Account data is for those who manage agencies: the chair sees the counts, not the people.
    expect(page?.users).toBeNull();
    expect((await getAgency(secretariat, agency.id))?.users).toHaveLength(1);
    expect(await getAgency(foreign, agency.id)).toBeNull();
  });
});

describe("registry search", () => {
  it("finds units by name typed with Arabic letters and without ZWNJ, by national id in Persian digits, obstacles by text and agencies by name", async () => {
    const countyId = (await createCounty(provinceId, "بردسیر", "Bardsir")).id;
    const nationalId = String(Math.floor(10_000_000_000 + Math.random() * 89_999_999_999));
    const unit = await createUnit(provinceId, {
      countyId,
      name: "شهرک‌های کیمیا کاشی",
      nationalId,
      status: "ACTIVE",
    });
    const category = await createCategory(`S-${provinceId}`, "سوخت", "Fuel");
    await createObstacle(unit, { categoryId: category.id, description: "کمبود سهمیه گاز کوره" });
    await agencyRow(provinceId, "شرکت کیمیا خدمات", { kind: "COMPANY", nameEn: "Kimia" });

    const byName = await searchRegistry(secretariat, "شهركهاي كيميا");
    expect(byName?.units.map((u) => u.id)).toEqual([unit.id]);
    const byId = await searchRegistry(
      secretariat,
      nationalId.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))),
    );
    expect(byId?.units.map((u) => u.id)).toEqual([unit.id]);
    const byText = await searchRegistry(secretariat, "سهميه گاز");
    expect(byText?.obstacles.map((o) => o.unit.id)).toEqual([unit.id]);
    const mixed = await searchRegistry(secretariat, "کیمیا");
    expect(mixed?.units).toHaveLength(1);
    expect(mixed?.agencies.map((a) => a.nameFa)).toEqual(["شرکت کیمیا خدمات"]);
    expect(await searchRegistry(secretariat, "ك")).toBeNull();
    expect((await searchRegistry(foreign, "کیمیا"))?.units).toEqual([]);
  });
});
