// Issue #37 §4: the agenda for the paper office as .docx and .xlsx, opened in LibreOffice as an
// office would open them (tests/support/libreoffice.ts): the Persian text reads in the right
// order (logical order, words unbroken, Persian digits), every agenda line is there and in
// agenda order, and the files are read exactly as the session page is (another province: 404).
// A batch of letters, printed to PDF, carries each letter's own code and QR on its page.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { issueLetters } from "@/lib/letters/issue";
import { approveMinutes } from "@/lib/meetings/sessions";
import { docxAsPdf, docxAsText, ensureLibreOffice, xlsxAsRows } from "../support/libreoffice";
import { readPdfPages } from "../support/pdf-pages";
import {
  createActor,
  createAgency,
  createCounty,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

// Each file is opened by a LibreOffice of its own (a fresh profile: 9–14 s on an idle machine,
// the first start the slowest). What is tested is what the office sees, not how fast: the
// limit leaves room for a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const docxRoute = (await import("@/app/api/meetings/[id]/agenda.docx/route")).GET;
const xlsxRoute = (await import("@/app/api/meetings/[id]/agenda.xlsx/route")).GET;
const lettersRoute = (await import("@/app/api/meetings/[id]/letters.docx/route")).GET;
const minutesRoute = (await import("@/app/api/meetings/[id]/minutes.docx/route")).GET;

const asUser = (actor: Awaited<ReturnType<typeof createActor>>, locale: "fa" | "en" = "fa"): SessionUser => ({
  ...actor,
  name: "x",
  locale,
});
const call = (route: typeof docxRoute, id: string, file: string) =>
  route(new Request(`http://test/api/meetings/${id}/${file}`), { params: Promise.resolve({ id }) });

let meetingId: string;
let provinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let foreign: Awaited<ReturnType<typeof createActor>>;

// Three units, four obstacles: the files must hold four lines, numbered item-obstacle.
const UNITS = [
  { name: "کارخانه کاشی میبد", obstacles: ["امهال اقساط تسهیلات بانک ملی", "تأمین برق پایدار خط دوم"] },
  { name: "صنایع غذایی زاگرس", obstacles: ["تمدید پروانه بهره‌برداری"] },
  { name: "نساجی یزدباف", obstacles: ["رفع توقیف حساب توسط اداره مالیات"] },
];

beforeAll(async () => {
  ensureLibreOffice();
  provinceId = (await createProvince()).id;
  const county = await createCounty(provinceId, "میبد");
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  foreign = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
  const meeting = await createMeeting(provinceId, { status: "PLANNED" });
  await db.meeting.update({ where: { id: meeting.id }, data: { place: "سالن شهید بهشتی استانداری" } });
  meetingId = meeting.id;
  for (const [i, u] of UNITS.entries()) {
    const unit = await createUnit(provinceId, { countyId: county.id, name: u.name });
    const obstacles = [];
    for (const description of u.obstacles)
      obstacles.push(
        await createObstacle(unit, { description, amountRials: i === 0 ? 25_000_000_000n : undefined }),
      );
    await db.agendaItem.create({
      data: {
        meetingId,
        unitId: unit.id,
        presenter: i === 1 ? "مهندس رضایی" : null,
        obstacles: { create: obstacles.map((o) => ({ obstacleId: o.id })) },
      },
    });
  }
}, 20 * 60_000);

describe("the agenda as Word and Excel, opened in LibreOffice", () => {
  it("Word: the letterhead, the session's place, every obstacle in agenda order with Persian digits", async () => {
    signedIn = asUser(secretariat);
    const response = await call(docxRoute, meetingId, "agenda.docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("wordprocessingml");
    const text = await docxAsText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("جمهوری اسلامی ایران");
    expect(text).toContain("مکان: سالن شهید بهشتی استانداری");
    expect(text).toMatch(/دستور جلسه|دستور .*جلسه/);
    // Every obstacle is there, in the agenda's order, each after its unit.
    const at = (s: string) => text.indexOf(s);
    const order = UNITS.flatMap((u) => [u.name, ...u.obstacles]);
    for (const s of order) expect(at(s), s).toBeGreaterThanOrEqual(0);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
    // Row numbers item-obstacle in Persian digits; no Latin digit in the table's numbering.
    for (const n of ["۱-۱", "۱-۲", "۲-۱", "۳-۱"]) expect(text).toContain(n);
    expect(text).toContain("مهندس رضایی");
    expect(text).toContain("۲۵٬۰۰۰٬۰۰۰٬۰۰۰");
  });

  it("Excel: a title row, the header, then one row per obstacle, cells in column order", async () => {
    signedIn = asUser(secretariat);
    const response = await call(xlsxRoute, meetingId, "agenda.xlsx");
    expect(response.status).toBe(200);
    const rows = (await xlsxAsRows(new Uint8Array(await response.arrayBuffer()))).filter((r) =>
      r.some((c) => c.trim() !== ""),
    );
    expect(rows[0]?.[0]).toMatch(/^دستور /);
    expect(rows[1]?.slice(0, 4)).toEqual(["ردیف", "واحد تولیدی", "مدیر واحد", "مانع"]);
    const body = rows.slice(2);
    expect(body.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["۱-۱", UNITS[0]?.name, UNITS[0]?.obstacles[0]],
      ["۱-۲", UNITS[0]?.name, UNITS[0]?.obstacles[1]],
      ["۲-۱", UNITS[1]?.name, UNITS[1]?.obstacles[0]],
      ["۳-۱", UNITS[2]?.name, UNITS[2]?.obstacles[0]],
    ]);
    expect(body[0]?.[5]).toContain("۲۵٬۰۰۰٬۰۰۰٬۰۰۰");
    expect(body[2]?.[6]).toBe("مهندس رضایی");
  });

  it("in English for an English reader; another province's session is a 404", async () => {
    signedIn = asUser(secretariat, "en");
    const rows = await xlsxAsRows(
      new Uint8Array(await (await call(xlsxRoute, meetingId, "agenda.xlsx")).arrayBuffer()),
    );
    expect(rows[1]?.[0]).toBe("No.");
    expect(rows[2]?.[0]).toBe("1-1");
    signedIn = asUser(foreign);
    expect((await call(docxRoute, meetingId, "agenda.docx")).status).toBe(404);
    expect((await call(xlsxRoute, meetingId, "agenda.xlsx")).status).toBe(404);
  });
});

describe("a session's letters as one Word file", () => {
  it("holds every agency's letter, in number order, each with its verification code", async () => {
    const held = await createMeeting(provinceId, { status: "HELD" });
    const unit = await createUnit(provinceId, { name: "فولاد اردکان" });
    const bank = await createAgency(provinceId, "بانک صادرات استان");
    const tax = await createAgency(provinceId, "اداره کل امور مالیاتی استان");
    await createResolution(
      { provinceId, meetingId: held.id, unitId: unit.id, responsibleAgencyId: bank.id },
      { text: "اقساط معوق واحد شش ماه امهال شود.", deadline: "2030-03-01" },
    );
    await createResolution(
      { provinceId, meetingId: held.id, unitId: unit.id, responsibleAgencyId: tax.id },
      { text: "توقیف حساب واحد تا رسیدگی به اعتراض برداشته شود.", deadline: "2030-04-01" },
    );
    signedIn = asUser(secretariat);
    // Nothing issued yet: no file.
    expect((await call(lettersRoute, held.id, "letters.docx")).status).toBe(404);
    expect((await issueLetters(secretariat, { meetingId: held.id }, t)).ok).toBe(true);
    const response = await call(lettersRoute, held.id, "letters.docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="letters-\d+-\d+-\d+\.docx"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = await docxAsText(bytes);
    const letters = await db.letter.findMany({
      where: { meetingId: held.id, resolutionId: null },
      orderBy: { number: "asc" },
    });
    expect(letters).toHaveLength(2);
    const positions = letters.map((l) => text.indexOf(l.recipient));
    for (const [i, l] of letters.entries()) {
      expect(positions[i], l.recipient).toBeGreaterThanOrEqual(0);
      expect(text).toContain(l.verifyCode);
    }
    expect(positions[0]).toBeLessThan(positions[1] ?? -1);
    expect(text).toContain("اقساط معوق واحد شش ماه امهال شود.");
    expect(text).toContain("توقیف حساب واحد تا رسیدگی به اعتراض برداشته شود.");
    // Printed, each letter's page carries its own code and QR in the foot, not the first one's:
    // a section per letter, each with its footer (lib/letters/docx.ts).
    const dir = await mkdtemp(join(tmpdir(), "tashil-letters-pages-"));
    try {
      const pages = readPdfPages(await docxAsPdf(bytes), dir, "letters", { footMm: 30 });
      expect(pages.map((p) => p.qr?.replace(/^.*\/verify\//, ""))).toEqual(letters.map((l) => l.verifyCode));
      for (const [i, l] of letters.entries()) expect(pages[i]?.text).toContain(l.verifyCode);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    signedIn = asUser(foreign);
    expect((await call(lettersRoute, held.id, "letters.docx")).status).toBe(404);
  }, 600_000);
});

describe("the approved minutes as Word, opened in LibreOffice", () => {
  it("shows each case and its resolutions in order, in Persian digits, with the verification code", async () => {
    const held = await createMeeting(provinceId, { status: "HELD" });
    const bank = await createAgency(provinceId, "بانک ملت استان");
    const texts = [
      "سرمایه در گردش ۱۰ میلیارد ریالی تأمین شود.",
      "پروانه بهره‌برداری تا پایان ماه تمدید شود.",
    ];
    for (const [i, name] of ["آجر ماشینی بافق", "لبنیات تفت"].entries()) {
      const unit = await createUnit(provinceId, { name });
      const item = await db.agendaItem.create({ data: { meetingId: held.id, unitId: unit.id } });
      const r = await createResolution(
        { provinceId, meetingId: held.id, unitId: unit.id, responsibleAgencyId: bank.id },
        { text: texts[i] ?? "", deadline: "2030-03-01" },
      );
      await db.resolution.update({ where: { id: r.id }, data: { agendaItemId: item.id } });
    }
    const chair = await createActor(["CHAIR"], { provinceId });
    expect((await approveMinutes(chair, { meetingId: held.id }, t)).ok).toBe(true);
    signedIn = asUser(secretariat);
    const response = await call(minutesRoute, held.id, "minutes.docx");
    expect(response.status).toBe(200);
    const text = await docxAsText(new Uint8Array(await response.arrayBuffer()));
    const order = ["۱. آجر ماشینی بافق", texts[0] ?? "", "۲. لبنیات تفت", texts[1] ?? ""];
    const at = order.map((s) => text.indexOf(s));
    for (const [i, s] of order.entries()) expect(at[i], s).toBeGreaterThanOrEqual(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const { minutesVerifyCode } = await db.meeting.findUniqueOrThrow({ where: { id: held.id } });
    expect(text).toContain(minutesVerifyCode ?? "-");
  });
});
