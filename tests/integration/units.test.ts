import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { archiveUnit, changeUnitStatus, createUnit, updateUnit } from "@/lib/units/mutations";
import { getUnitFile, getUnitForEdit, listUnits, unitFormOptions } from "@/lib/units/queries";
import { unitFiltersSchema } from "@/lib/units/schema";
import { normalizeText } from "@/lib/i18n/normalize";
import {
  createActor,
  createAgency,
  createCategory,
  createCounty,
  createObstacle,
  createProvince,
  createUnit as unitRow,
  t,
} from "../support/fixtures";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-units-"));

const FORBIDDEN = "شما اجازه دسترسی به این بخش را ندارید.";
let provinceId: string;
let countyA: string;
let countyB: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let foreignSecretariat: Awaited<ReturnType<typeof createActor>>;
let readers: Awaited<ReturnType<typeof createActor>>[];

const nationalId = () => String(Math.floor(10_000_000_000 + Math.random() * 89_999_999_999));
const filters = (f: Record<string, string> = {}) => unitFiltersSchema.parse(f);

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  const other = await createProvince();
  countyA = (await createCounty(provinceId, "رفسنجان", "Rafsanjan")).id;
  countyB = (await createCounty(provinceId, "زرند", "Zarand")).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  foreignSecretariat = await createActor(["SECRETARIAT"], { provinceId: other.id });
  const agency = await createAgency(provinceId);
  readers = [
    await createActor(["CHAIR"], { provinceId }),
    await createActor(["AGENCY"], { provinceId, agencyId: agency.id }),
    await createActor(["MEMBER"], { provinceId }),
    await createActor(["SECRETARIAT"], { provinceId: null }),
  ];
});

const unitInput = (overrides: Record<string, unknown> = {}) => ({
  name: `کارخانه کاشی ${Math.random().toString(36).slice(2, 8)}`,
  nationalId: "",
  sector: "INDUSTRIAL",
  countyId: countyA,
  status: "IDLE",
  employees: "۱۲۰",
  capacityUsePct: "35",
  industrialPark: "شهرک صنعتی رفسنجان",
  ...overrides,
});

async function newUnit(overrides: Record<string, unknown> = {}) {
  const result = await createUnit(secretariat, unitInput(overrides), t);
  if (!result.id) throw new Error(`unit not created: ${JSON.stringify(result)}`);
  return result.id;
}

describe("registering units", () => {
  it("creates a unit with its normalised name, its first status as history and an audit event", async () => {
    const id = await newUnit({ name: "شركت كاشي يزد", employees: "۱٬۲۰۰" });
    const unit = await db.productionUnit.findUniqueOrThrow({ where: { id } });
    expect(unit).toMatchObject({
      provinceId,
      nameNormalized: normalizeText("شرکت کاشی یزد"),
      employees: 1200,
      capacityUsePct: 35,
      status: "IDLE",
    });
    expect(
      await db.unitStatusChange.findMany({
        where: { unitId: id },
        select: { fromStatus: true, toStatus: true },
      }),
    ).toEqual([{ fromStatus: null, toStatus: "IDLE" }]);
    expect(
      await db.auditEvent.count({ where: { entityId: id, action: "unit.create", actorId: secretariat.id } }),
    ).toBe(1);
  });

  it("answers bad fields in Persian and writes nothing", async () => {
    const before = await db.productionUnit.count({ where: { provinceId } });
    const result = await createUnit(
      secretariat,
      unitInput({ name: "", nationalId: "12ab", capacityUsePct: "140", employees: "12.5", countyId: "" }),
      t,
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      name: ["نام را وارد کنید."],
      nationalId: ["شناسه ملی باید ۱۰ یا ۱۱ رقم باشد."],
      capacityUsePct: ["عددی بین ۰ تا ۱۰۰ وارد کنید."],
      employees: ["یک عدد صحیح وارد کنید."],
      countyId: ["شهرستان را از فهرست انتخاب کنید."],
    });
    expect(await db.productionUnit.count({ where: { provinceId } })).toBe(before);
  });

  it("refuses a county of another province", async () => {
    const foreignCounty = await createCounty(foreignSecretariat.provinceId ?? "", "بم", "Bam");
    const result = await createUnit(secretariat, unitInput({ countyId: foreignCounty.id }), t);
    expect(result.fieldErrors?.countyId).toEqual(["شهرستان را از فهرست انتخاب کنید."]);
  });

  it("refuses a national id already registered, naming the unit that has it, in any digit script", async () => {
    const nid = nationalId();
    await newUnit({ name: "صنایع غذایی کویر", nationalId: nid });
    const persianDigits = nid.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    const again = await createUnit(secretariat, unitInput({ nationalId: persianDigits }), t);
    expect(again.ok).toBe(false);
    expect(again.fieldErrors?.nationalId).toEqual([
      "واحدی با این شناسه ملی قبلاً ثبت شده است: صنایع غذایی کویر",
    ]);
    // Another province learns only that the id is taken, not whose it is.
    const elsewhere = await createUnit(
      foreignSecretariat,
      unitInput({
        nationalId: nid,
        countyId: (
          await db.county.findFirstOrThrow({ where: { provinceId: foreignSecretariat.provinceId ?? "" } })
        ).id,
      }),
      t,
    );
    expect(elsewhere.fieldErrors?.nationalId).toEqual(["این شناسه ملی قبلاً برای واحد دیگری ثبت شده است."]);
  });

  it("warns about the same normalised name in the same county until the user confirms", async () => {
    await newUnit({ name: "شهرک‌های کاشی مهر", countyId: countyA });
    const warned = await createUnit(
      secretariat,
      unitInput({ name: "شهركهاي كاشي مهر", countyId: countyA }),
      t,
    );
    expect(warned.ok).toBe(false);
    expect(warned.message).toContain("واحدی با همین نام در این شهرستان ثبت شده است: شهرک‌های کاشی مهر");
    expect(warned.fieldErrors).toHaveProperty("confirmDuplicate");
    expect(
      (await createUnit(secretariat, unitInput({ name: "شهرک‌های کاشی مهر", countyId: countyB }), t)).ok,
    ).toBe(true);
    expect(
      (
        await createUnit(
          secretariat,
          unitInput({ name: "شهركهاي كاشي مهر", countyId: countyA, confirmDuplicate: "on" }),
          t,
        )
      ).ok,
    ).toBe(true);
  });

  it("edits a unit, audits before and after, and does not warn about its own name", async () => {
    const id = await newUnit({ name: "آجر نسوز کرمان" });
    const edit = await getUnitForEdit(secretariat, id);
    expect(edit?.name).toBe("آجر نسوز کرمان");
    const result = await updateUnit(
      secretariat,
      { ...unitInput({ name: "آجر نسوز کرمان", employees: "80" }), id, version: String(edit?.version) },
      t,
    );
    expect(result).toEqual({ ok: true, message: "تغییرات واحد ذخیره شد." });
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id } })).employees).toBe(80);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "unit.update" } });
    expect(audit.before).toMatchObject({ employees: 120 });
    expect(audit.after).toMatchObject({ employees: 80 });
  });

  it("lets one of two concurrent edits of a unit win and tells the other it conflicted", async () => {
    const id = await newUnit({ name: "فولاد هم‌زمان" });
    const { version } = (await getUnitForEdit(secretariat, id))!;
    const edit = (employees: string) =>
      updateUnit(
        secretariat,
        { ...unitInput({ name: "فولاد هم‌زمان", employees }), id, version: String(version) },
        t,
      );
    const results = await Promise.all([edit("10"), edit("20")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, message: t("errors.conflict") }]);
    const saved = await db.productionUnit.findUniqueOrThrow({ where: { id } });
    expect(saved.version).toBe(version + 1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "unit.update" } })).toBe(1);
    // A form filled in before the save is refused too, and writes nothing.
    expect(await edit("30")).toEqual({ ok: false, message: t("errors.conflict") });
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id } })).employees).toBe(saved.employees);
  });

  it("archives a unit: it leaves the list but its file stays readable", async () => {
    const id = await newUnit({ name: "واحد بایگانی‌شدنی" });
    expect(await archiveUnit(secretariat, id, t)).toEqual({ ok: true, message: "واحد بایگانی شد." });
    const { units } = await listUnits(secretariat, filters({ q: "واحد بایگانی" }));
    expect(units).toHaveLength(0);
    expect((await getUnitFile(secretariat, id))?.unit.archivedAt).not.toBeNull();
    expect((await archiveUnit(secretariat, id, t)).ok).toBe(false);
  });
});

describe("operating-status history", () => {
  it("records a change with its Jalali date and reason, and refuses bad ones", async () => {
    const id = await newUnit({ status: "IDLE" });
    expect(
      await changeUnitStatus(
        secretariat,
        { id, toStatus: "ACTIVE", changedOn: "۱۴۰۴/۰۳/۱۰", reason: "تأمین سرمایه در گردش" },
        t,
      ),
    ).toEqual({ ok: true, message: "وضعیت واحد ثبت شد." });
    const history = await db.unitStatusChange.findMany({
      where: { unitId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "IDLE"],
      ["IDLE", "ACTIVE"],
    ]);
    expect(history[1]?.changedOn.toISOString().slice(0, 10)).toBe("2025-05-31");
    expect(history[1]?.reason).toBe("تأمین سرمایه در گردش");
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");

    expect(
      (await changeUnitStatus(secretariat, { id, toStatus: "ACTIVE", changedOn: "1404/03/11" }, t))
        .fieldErrors?.toStatus,
    ).toEqual(["وضعیت جدید با وضعیت فعلی یکی است."]);
    expect(
      (await changeUnitStatus(secretariat, { id, toStatus: "CLOSED", changedOn: "1404/13/01" }, t))
        .fieldErrors?.changedOn,
    ).toEqual(["تاریخ شمسی معتبر وارد کنید (سال/ماه/روز)."]);
    expect(
      (
        await changeUnitStatus(
          secretariat,
          { id, toStatus: "CLOSED", changedOn: "1404/03/11" },
          t,
          "2025-05-31",
        )
      ).fieldErrors?.changedOn,
    ).toEqual(["تاریخ تغییر نمی‌تواند در آینده باشد."]);
    expect(await db.unitStatusChange.count({ where: { unitId: id } })).toBe(2);
  });
});

describe("the unit list", () => {
  let listProvince: string;
  let actor: Awaited<ReturnType<typeof createActor>>;
  const miningId = nationalId();
  beforeAll(async () => {
    listProvince = (await createProvince()).id;
    actor = await createActor(["SECRETARIAT"], { provinceId: listProvince });
    const [c1, c2] = await Promise.all([
      createCounty(listProvince, "سیرجان", "Sirjan"),
      createCounty(listProvince, "بافت", "Baft"),
    ]);
    const category = await createCategory(`C-${listProvince}`);
    const specs = [
      {
        name: "فولاد سیرجان",
        sector: "INDUSTRIAL",
        status: "ACTIVE",
        countyId: c1.id,
        industrialPark: "شهرک خضرا",
        nationalId: nationalId(),
        employees: 500,
      },
      {
        name: "معدن سنگ آهن بافت",
        sector: "MINING",
        status: "IDLE",
        countyId: c2.id,
        industrialPark: null,
        nationalId: miningId,
        employees: 40,
      },
      {
        name: "باغ پسته",
        sector: "AGRICULTURAL",
        status: "SEMI_ACTIVE",
        countyId: c1.id,
        industrialPark: null,
        nationalId: null,
        employees: null,
      },
    ] as const;
    for (const s of specs) {
      const unit = await unitRow(listProvince, s);
      if (s.sector !== "AGRICULTURAL")
        await createObstacle(unit, {
          categoryId: category.id,
          description: "مانع",
          status: s.sector === "MINING" ? "REGISTERED" : "RESOLVED",
        });
    }
  });
  const names = async (f: Record<string, string>) =>
    (await listUnits(actor, filters(f))).units.map((u) => u.name);

  it("filters by sector, county, status, park and open obstacles, and counts open obstacles only", async () => {
    expect(await names({ sector: "MINING" })).toEqual(["معدن سنگ آهن بافت"]);
    const county = (await unitFormOptions(actor)).counties.find((c) => c.nameFa === "سیرجان");
    expect(await names({ countyId: county?.id ?? "" })).toEqual(["باغ پسته", "فولاد سیرجان"]);
    expect(await names({ status: "SEMI_ACTIVE" })).toEqual(["باغ پسته"]);
    expect(await names({ park: "شهرک خضرا" })).toEqual(["فولاد سیرجان"]);
    expect(await names({ open: "yes" })).toEqual(["معدن سنگ آهن بافت"]);
    expect(await names({ open: "no" })).toEqual(["باغ پسته", "فولاد سیرجان"]);
    const { units } = await listUnits(actor, filters());
    expect(units.map((u) => [u.name, u._count.obstacles])).toEqual([
      ["باغ پسته", 0],
      ["فولاد سیرجان", 0],
      ["معدن سنگ آهن بافت", 1],
    ]);
    expect((await unitFormOptions(actor)).parks).toEqual(["شهرک خضرا"]);
  });

  it("searches the normalised name (Arabic letters, ZWNJ, digits) and national-id prefixes, with wildcards taken literally", async () => {
    expect(await names({ q: "فولاد سيرجان" })).toEqual(["فولاد سیرجان"]);
    expect(await names({ q: "آهن" })).toEqual(["معدن سنگ آهن بافت"]);
    expect(
      await names({ q: miningId.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))) }),
    ).toEqual(["معدن سنگ آهن بافت"]);
    expect(await names({ q: "%" })).toEqual([]);
  });

  it("sorts and paginates on the server", async () => {
    expect(await names({ sort: "employees", dir: "desc" })).toEqual([
      "فولاد سیرجان",
      "معدن سنگ آهن بافت",
      "باغ پسته",
    ]);
    const page2 = await listUnits(actor, filters({ page: "2" }), { pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(page2.units.map((u) => u.name)).toEqual(["معدن سنگ آهن بافت"]);
    // By the number of obstacles of any status (Prisma cannot order by a filtered count).
    expect(await names({ sort: "obstacles", dir: "desc" })).toEqual([
      "فولاد سیرجان",
      "معدن سنگ آهن بافت",
      "باغ پسته",
    ]);
  });

  it("shows another province nothing, and a national reader every province", async () => {
    expect((await listUnits(secretariat, filters({ q: "فولاد سیرجان" }))).total).toBe(0);
    const national = await createActor(["MEMBER"], { provinceId: null });
    expect((await listUnits(national, filters({ q: "فولاد سیرجان" }))).total).toBeGreaterThanOrEqual(1);
  });
});

describe("the unit file", () => {
  it("puts open items first, then everything newest first", async () => {
    const id = await newUnit();
    const categoryId = (await createCategory(`T-${id}`, "مالیاتی", "Tax")).id;
    const old = await createObstacle(
      { id, provinceId },
      { categoryId, description: "مانع قدیمی باز", createdAt: new Date("2024-01-01T08:00:00Z") },
    );
    const closed = await createObstacle(
      { id, provinceId },
      {
        categoryId,
        description: "مانع رفع‌شده",
        status: "RESOLVED",
        createdAt: new Date("2025-01-01T08:00:00Z"),
      },
    );
    const file = await getUnitFile(secretariat, id);
    const keys = file?.timeline.map((e) => [e.kind, e.open]);
    expect(keys?.[0]).toEqual(["obstacle", true]);
    expect(file?.timeline[0]?.key).toBe(`o-${old.id}`);
    expect(file?.timeline.map((e) => e.key)).toContain(`o-${closed.id}`);
    expect(file?.timeline.at(-1)?.kind).toBe("obstacle");
    expect(await getUnitFile(foreignSecretariat, id)).toBeNull();
  });
});

describe("read-only roles", () => {
  it("refuses every unit write for chair, agency, member and national users, and writes nothing", async () => {
    const id = await newUnit();
    const before = await db.auditEvent.count({ where: { entityId: id } });
    for (const actor of [...readers, null]) {
      expect(await createUnit(actor, unitInput(), t)).toEqual({ ok: false, message: FORBIDDEN });
      expect(await updateUnit(actor, { ...unitInput(), id, version: "1" }, t)).toEqual({
        ok: false,
        message: FORBIDDEN,
      });
      expect(await archiveUnit(actor, id, t)).toEqual({ ok: false, message: FORBIDDEN });
      expect(await changeUnitStatus(actor, { id, toStatus: "CLOSED", changedOn: "1404/01/01" }, t)).toEqual({
        ok: false,
        message: FORBIDDEN,
      });
    }
    // A secretariat of another province cannot touch it either.
    expect((await updateUnit(foreignSecretariat, { ...unitInput(), id, version: "1" }, t)).ok).toBe(false);
    expect((await archiveUnit(foreignSecretariat, id, t)).ok).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: id } })).toBe(before);
    expect((await db.productionUnit.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    // …while everyone may read.
    for (const actor of readers)
      expect((await getUnitFile(actor, id))?.unit.id).toBe(
        actor.provinceId === null || actor.provinceId === provinceId ? id : undefined,
      );
  });
});
