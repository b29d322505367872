import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addObstacleAttachments, changeObstacleStatus, createObstacle } from "@/lib/obstacles/mutations";
import {
  getAttachmentForDownload,
  getUnitForObstacle,
  listObstacles,
  obstacleFormOptions,
} from "@/lib/obstacles/queries";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { fileStorage } from "@/lib/storage";
import { normalizeText } from "@/lib/i18n/normalize";
import {
  createActor,
  createAgency,
  createCategory,
  createCounty,
  createMeeting,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-obstacles-"));

const FORBIDDEN = "شما اجازه دسترسی به این بخش را ندارید.";
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
const pdf = (name = "نامه بانک.pdf") => new File([PDF], name, { type: "application/pdf" });

let provinceId: string;
let unitId: string;
let countyId: string;
let bankingId: string;
let reschedulingId: string;
let taxId: string;
let bankId: string;
let foreignAgencyId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let foreignReader: Awaited<ReturnType<typeof createActor>>;
let readers: Awaited<ReturnType<typeof createActor>>[];

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  const other = (await createProvince()).id;
  countyId = (await createCounty(provinceId, "جیرفت", "Jiroft")).id;
  unitId = (await createUnit(provinceId, { countyId, name: "کشت و صنعت جیرفت", sector: "AGRICULTURAL" })).id;
  const suffix = provinceId.slice(-6);
  bankingId = (await createCategory(`BANK-${suffix}`)).id;
  reschedulingId = (await createCategory(`RESCH-${suffix}`, "امهال", "Rescheduling", bankingId)).id;
  taxId = (await createCategory(`TAX-${suffix}`, "مالیاتی", "Tax")).id;
  bankId = (await createAgency(provinceId, `بانک کشاورزی ${suffix}`)).id;
  foreignAgencyId = (await createAgency(other)).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  foreignReader = await createActor(["SECRETARIAT"], { provinceId: other });
  readers = [
    await createActor(["CHAIR"], { provinceId }),
    await createActor(["AGENCY"], { provinceId, agencyId: bankId }),
    await createActor(["MEMBER"], { provinceId }),
    await createActor(["ADMIN"], { provinceId: null }),
  ];
});

const input = (overrides: Record<string, unknown> = {}) => ({
  unitId,
  categoryId: bankingId,
  subCategoryId: reschedulingId,
  description: "درخواست امهال اقساط تسهیلات به دلیل توقف تولید",
  amountRials: "۱۲٬۵۰۰٬۰۰۰٬۰۰۰",
  agencyIds: [bankId],
  ...overrides,
});

async function newObstacle(overrides: Record<string, unknown> = {}, files: File[] = []) {
  const result = await createObstacle(secretariat, input(overrides), files, t);
  if (!result.id) throw new Error(JSON.stringify(result));
  return result.id;
}

describe("registering obstacles", () => {
  it("stores category, sub-category, amount typed in Persian digits, agencies and an attachment", async () => {
    const id = await newObstacle({}, [pdf()]);
    const obstacle = await db.obstacle.findUniqueOrThrow({
      where: { id },
      include: { agencies: true, attachments: true },
    });
    expect(obstacle).toMatchObject({
      provinceId,
      status: "REGISTERED",
      amountRials: 12_500_000_000n,
      subCategoryId: reschedulingId,
      createdById: secretariat.id,
    });
    expect(obstacle.descriptionNormalized).toBe(normalizeText(obstacle.description));
    expect(obstacle.agencies.map((a) => a.agencyId)).toEqual([bankId]);
    expect(obstacle.attachments).toHaveLength(1);
    expect(obstacle.attachments[0]).toMatchObject({
      fileName: "نامه بانک.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.byteLength,
    });
    expect(await fileStorage().get(obstacle.attachments[0]?.storageKey ?? "")).toEqual(Buffer.from(PDF));
    expect(await db.auditEvent.count({ where: { entityId: id, action: "obstacle.create" } })).toBe(1);
  });

  it("accepts Arabic-Indic and Latin digits with separators, and refuses decimals", async () => {
    const arabic = await newObstacle({ amountRials: "٣٠٠،٠٠٠" });
    expect((await db.obstacle.findUniqueOrThrow({ where: { id: arabic } })).amountRials).toBe(300_000n);
    const latin = await newObstacle({ amountRials: "4,000,000", subCategoryId: "", categoryId: taxId });
    expect((await db.obstacle.findUniqueOrThrow({ where: { id: latin } })).amountRials).toBe(4_000_000n);
    const bad = await createObstacle(secretariat, input({ amountRials: "12.5" }), [], t);
    expect(bad.fieldErrors?.amountRials).toEqual(["مبلغ را به ریال و به صورت عدد صحیح وارد کنید."]);
  });

  it("refuses a sub-category of another category, a foreign agency and a short description", async () => {
    expect(
      (await createObstacle(secretariat, input({ categoryId: taxId }), [], t)).fieldErrors?.subCategoryId,
    ).toEqual(["زیردسته با دسته انتخاب‌شده هم‌خوانی ندارد."]);
    expect(
      (await createObstacle(secretariat, input({ agencyIds: [foreignAgencyId] }), [], t)).fieldErrors
        ?.agencyIds,
    ).toEqual(["دستگاه انتخاب‌شده معتبر نیست."]);
    expect(
      (await createObstacle(secretariat, input({ description: "کم" }), [], t)).fieldErrors?.description,
    ).toEqual(["شرح مانع را دست‌کم در ۵ نویسه بنویسید."]);
    expect(
      (await createObstacle(secretariat, input({ categoryId: reschedulingId, subCategoryId: "" }), [], t))
        .fieldErrors?.categoryId,
    ).toEqual(["دسته را از فهرست انتخاب کنید."]);
  });

  it("refuses a disguised or oversized file by name, and keeps neither the row nor the bytes", async () => {
    const before = await db.obstacle.count({ where: { unitId } });
    const fake = new File(["<html><script>alert(1)</script>"], "invoice.pdf", { type: "application/pdf" });
    const result = await createObstacle(secretariat, input(), [pdf("ok.pdf"), fake], t);
    expect(result).toMatchObject({
      ok: false,
      message:
        "نوع فایل «invoice.pdf» پذیرفته نیست. فقط PDF، تصویر (JPG، PNG، WEBP) و اسناد Word، Excel و PowerPoint.",
    });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25)], "big.pdf");
    expect((await createObstacle(secretariat, input(), [big], t)).message).toBe(
      "فایل «big.pdf» بزرگ‌تر از ۱۰ مگابایت است.",
    );
    expect(await db.obstacle.count({ where: { unitId } })).toBe(before);
  });

  it("removes stored bytes when the database refuses the obstacle", async () => {
    // This file's secretariat's uploads only: other files, run at the same time, upload theirs.
    const keysBefore = await db.attachment.count({ where: { uploadedById: secretariat.id } });
    const result = await createObstacle(secretariat, input({ unitId: "no-such-unit" }), [pdf()], t);
    expect(result).toEqual({ ok: false, message: "این مورد پیدا نشد." });
    expect(await db.attachment.count({ where: { uploadedById: secretariat.id } })).toBe(keysBefore);
  });

  it("adds attachments later, and a download is scoped to the reader's province", async () => {
    const id = await newObstacle();
    expect(await addObstacleAttachments(secretariat, id, [pdf("صورتجلسه.pdf")], t)).toEqual({
      ok: true,
      message: "پیوست افزوده شد.",
    });
    expect(await addObstacleAttachments(secretariat, id, [], t)).toMatchObject({
      ok: false,
      message: "یک فایل انتخاب کنید.",
    });
    const attachment = await db.attachment.findFirstOrThrow({ where: { obstacleId: id } });
    for (const reader of readers)
      expect((await getAttachmentForDownload(reader, attachment.id))?.fileName).toBe("صورتجلسه.pdf");
    expect(await getAttachmentForDownload(foreignReader, attachment.id)).toBeNull();
  });
});

describe("the obstacle lifecycle by hand", () => {
  const STALE = "وضعیت این مانع در این فاصله تغییر کرده است. صفحه را تازه کنید.";
  const status = async (id: string) => (await db.obstacle.findUniqueOrThrow({ where: { id } })).status;
  async function obstacleAt(to: "IN_COMMITTEE" | "REFERRED" | "DECIDED") {
    const id = await newObstacle();
    await db.obstacle.update({ where: { id }, data: { status: to } });
    return id;
  }
  /** A working-group resolution about the obstacle, at the given follow-up status. */
  async function resolutionAbout(
    obstacleId: string,
    resolutionStatus: "IN_PROGRESS" | "DONE_REPORTED" | "VERIFIED" | "CANCELLED",
  ) {
    const meeting = await createMeeting(provinceId, {
      jalaliYear: 1404,
      startsAt: new Date("2025-09-01T05:30:00Z"),
      status: "HELD",
    });
    return createResolution(
      { provinceId, meetingId: meeting.id, unitId, responsibleAgencyId: bankId },
      { text: "امهال اقساط", deadline: "2025-12-01", status: resolutionStatus, obstacleIds: [obstacleId] },
    );
  }

  it("withdraws any open obstacle and audits each change", async () => {
    const ids = [
      await newObstacle(),
      await obstacleAt("IN_COMMITTEE"),
      await obstacleAt("REFERRED"),
      await obstacleAt("DECIDED"),
    ];
    for (const [i, from] of (["REGISTERED", "IN_COMMITTEE", "REFERRED", "DECIDED"] as const).entries()) {
      const id = ids[i] ?? "";
      expect(await changeObstacleStatus(secretariat, { id, from, to: "WITHDRAWN" }, t)).toEqual({
        ok: true,
        message: "وضعیت مانع تغییر کرد.",
      });
      expect(await status(id)).toBe("WITHDRAWN");
      expect(
        await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "obstacle.status" } }),
      ).toMatchObject({ actorId: secretariat.id, after: { status: "WITHDRAWN" } });
    }
    expect(
      await changeObstacleStatus(secretariat, { id: ids[0], from: "WITHDRAWN", to: "REGISTERED" }, t),
    ).toMatchObject({ ok: false });
  });

  it("never moves an obstacle into a status the sessions drive", async () => {
    const registered = await newObstacle();
    // Taken into the committee by hand, it would never be eligible for an agenda again.
    expect(
      await changeObstacleStatus(secretariat, { id: registered, from: "REGISTERED", to: "IN_COMMITTEE" }, t),
    ).toEqual({ ok: false, message: "تغییر وضعیت از «ثبت‌شده» به «در کمیته» مجاز نیست." });
    expect(
      await changeObstacleStatus(secretariat, { id: registered, from: "REGISTERED", to: "RESOLVED" }, t),
    ).toEqual({ ok: false, message: "تغییر وضعیت از «ثبت‌شده» به «رفع‌شده» مجاز نیست." });
    expect(await status(registered)).toBe("REGISTERED");
    const inCommittee = await obstacleAt("IN_COMMITTEE");
    for (const to of ["REFERRED", "DECIDED", "RESOLVED"] as const)
      expect(
        await changeObstacleStatus(secretariat, { id: inCommittee, from: "IN_COMMITTEE", to }, t),
      ).toMatchObject({ ok: false });
    const referred = await obstacleAt("REFERRED");
    expect(
      await changeObstacleStatus(secretariat, { id: referred, from: "REFERRED", to: "DECIDED" }, t),
    ).toEqual({ ok: false, message: "تغییر وضعیت از «ارجاع به کارگروه» به «تصمیم‌گیری‌شده» مجاز نیست." });
    expect([await status(inCommittee), await status(referred)]).toEqual(["IN_COMMITTEE", "REFERRED"]);
    expect(
      await db.auditEvent.count({
        where: { entityId: { in: [registered, inCommittee, referred] }, action: "obstacle.status" },
      }),
    ).toBe(0);
  });

  it("closes a decided obstacle as resolved only once every resolution about it is verified", async () => {
    const id = await obstacleAt("DECIDED");
    const open = await resolutionAbout(id, "DONE_REPORTED");
    await resolutionAbout(id, "CANCELLED");
    await resolutionAbout(id, "VERIFIED");
    expect(await changeObstacleStatus(secretariat, { id, from: "DECIDED", to: "RESOLVED" }, t)).toEqual({
      ok: false,
      message:
        "همه مصوبه‌های این مانع هنوز تأیید نشده‌اند؛ مانع با تأیید اجرای آخرین مصوبه در پیگیری خودبه‌خود رفع‌شده می‌شود.",
    });
    expect(await status(id)).toBe("DECIDED");
    await db.resolution.update({ where: { id: open.id }, data: { status: "VERIFIED" } });
    expect(await changeObstacleStatus(secretariat, { id, from: "DECIDED", to: "RESOLVED" }, t)).toMatchObject(
      { ok: true },
    );
    expect(await status(id)).toBe("RESOLVED");
    // A decision nobody can carry out is declared by hand, whatever its resolutions say.
    const hopeless = await obstacleAt("DECIDED");
    await resolutionAbout(hopeless, "IN_PROGRESS");
    expect(
      await changeObstacleStatus(secretariat, { id: hopeless, from: "DECIDED", to: "UNRESOLVABLE" }, t),
    ).toMatchObject({ ok: true });
  });

  it("refuses a stale change: the user saw another status than the obstacle has", async () => {
    const id = await newObstacle();
    expect(await changeObstacleStatus(secretariat, { id, from: "DECIDED", to: "UNRESOLVABLE" }, t)).toEqual({
      ok: false,
      message: STALE,
    });
    expect(await status(id)).toBe("REGISTERED");
  });

  it("changes nothing about the obstacles of an archived unit", async () => {
    const id = await newObstacle();
    const archived = await createUnit(provinceId, { countyId, name: "واحد بایگانی‌شده", status: "CLOSED" });
    await db.obstacle.update({ where: { id }, data: { unitId: archived.id } });
    await db.productionUnit.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const message = "واحد تولیدی این مانع بایگانی شده است؛ مانع آن دیگر تغییر نمی‌کند.";
    const files = () =>
      readdirSync(process.env.STORAGE_DIR ?? "", { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      ).length;
    const filesBefore = files();
    expect(await changeObstacleStatus(secretariat, { id, from: "REGISTERED", to: "WITHDRAWN" }, t)).toEqual({
      ok: false,
      message,
    });
    expect(await addObstacleAttachments(secretariat, id, [pdf()], t)).toEqual({ ok: false, message });
    expect(await status(id)).toBe("REGISTERED");
    expect(await db.attachment.count({ where: { obstacleId: id } })).toBe(0);
    expect(files()).toBe(filesBefore);
  });
});

describe("read-only roles", () => {
  it("refuses obstacle writes for chair, agency, member and national users and writes nothing", async () => {
    const id = await newObstacle();
    const count = await db.obstacle.count({ where: { unitId } });
    for (const actor of [...readers, null]) {
      expect(await createObstacle(actor, input(), [pdf()], t)).toEqual({ ok: false, message: FORBIDDEN });
      expect(await changeObstacleStatus(actor, { id, from: "REGISTERED", to: "WITHDRAWN" }, t)).toEqual({
        ok: false,
        message: FORBIDDEN,
      });
      expect(await addObstacleAttachments(actor, id, [pdf()], t)).toEqual({ ok: false, message: FORBIDDEN });
    }
    expect(
      (await changeObstacleStatus(foreignReader, { id, from: "REGISTERED", to: "WITHDRAWN" }, t)).ok,
    ).toBe(false);
    expect(await db.obstacle.count({ where: { unitId } })).toBe(count);
    expect((await db.obstacle.findUniqueOrThrow({ where: { id } })).status).toBe("REGISTERED");
    expect(await db.attachment.count({ where: { obstacleId: id } })).toBe(0);
  });
});

describe("the obstacle list and form options", () => {
  it("filters by status, open, category, county, agency and normalised text", async () => {
    const id = await newObstacle({ description: "عدم پذيرش وثايق ملكي برای ضمانت‌نامه" });
    const list = async (f: Record<string, string>) =>
      (await listObstacles(readers[2] ?? secretariat, obstacleFiltersSchema.parse(f))).obstacles.map(
        (o) => o.id,
      );
    expect(await list({ q: "وثایق ملکی" })).toEqual([id]);
    expect(await list({ q: "ضمانتنامه" })).toEqual([id]);
    expect(await list({ q: "وثایق", categoryId: taxId })).toEqual([]);
    expect(
      await list({
        q: "وثایق",
        categoryId: bankingId,
        countyId,
        agencyId: bankId,
        open: "yes",
        status: "REGISTERED",
      }),
    ).toEqual([id]);
    expect(await list({ q: "وثایق", status: "RESOLVED" })).toEqual([]);
    expect((await listObstacles(foreignReader, obstacleFiltersSchema.parse({ q: "وثایق ملکی" }))).total).toBe(
      0,
    );
  });

  it("offers active top-level categories with their sub-categories, and the province's agencies", async () => {
    const { categories, agencies } = await obstacleFormOptions(secretariat);
    const banking = categories.find((c) => c.id === bankingId);
    expect(banking?.children.map((c) => c.id)).toEqual([reschedulingId]);
    expect(categories.some((c) => c.id === reschedulingId)).toBe(false);
    expect(agencies.map((a) => a.id)).toContain(bankId);
    expect(agencies.map((a) => a.id)).not.toContain(foreignAgencyId);
    expect((await getUnitForObstacle(secretariat, unitId))?.name).toBe("کشت و صنعت جیرفت");
    expect(await getUnitForObstacle(foreignReader, unitId)).toBeNull();
  });
});
