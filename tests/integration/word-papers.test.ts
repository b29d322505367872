// Issue #37 §4: approved minutes and official letters as Word files. The .docx is a zip; its
// word/document.xml must hold the Persian text (the frozen resolution, in Persian digits) in
// right-to-left paragraphs (w:bidi) and runs (w:rtl), and the file is read exactly as its page
// is: another province's user gets a 404. Approved minutes long enough for three pages, turned
// to PDF by LibreOffice, carry their verification code and its QR on every page (issue #37 §5,
// "on each printed page"): each page's text (pdftotext) and QR (pdftoppm, jsQR) are read back.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { approveMinutes } from "@/lib/meetings/sessions";
import { issueLetters } from "@/lib/letters/issue";
import {
  createActor,
  createAgency,
  createMeeting,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";
import { docxAsPdf, ensureLibreOffice } from "../support/libreoffice";
import { readPdfPages } from "../support/pdf-pages";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const minutesRoute = (await import("@/app/api/meetings/[id]/minutes.docx/route")).GET;
const letterRoute = (await import("@/app/api/letters/[id]/route")).GET;

const asUser = (actor: Awaited<ReturnType<typeof createActor>>): SessionUser => ({
  ...actor,
  name: "x",
  locale: "fa",
});
const minutes = (id: string) =>
  minutesRoute(new Request(`http://test/api/meetings/${id}/minutes.docx`), {
    params: Promise.resolve({ id }),
  });
const letter = (file: string) =>
  letterRoute(new Request(`http://test/api/letters/${file}`), { params: Promise.resolve({ id: file }) });
const documentXml = async (response: Response) =>
  strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))["word/document.xml"] ?? new Uint8Array());
/** The names of the Word file's page footers (word/footer1.xml, …). */
const footerParts = (bytes: Uint8Array) =>
  Object.keys(unzipSync(bytes)).filter((f) => /^word\/footer\d*\.xml$/.test(f));
/** The text of the document, runs joined, as a reader sees it (XML entities aside). */
const plain = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

let provinceId: string;
let meetingId: string;
let resolutionId: string;
let s: Scenario;
let member: Awaited<ReturnType<typeof createActor>>;
let foreign: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  s = await provinceScenario({ banks: 0, county: ["بم"], unit: "خرمای بم", session: { status: "HELD" } });
  provinceId = s.provinceId;
  const agency = await s.agency("بانک کشاورزی");
  member = await s.person(["MEMBER"]);
  foreign = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
  meetingId = s.sessionId ?? "";
  // On the agenda, as the session screen records it: the minutes print resolutions by case.
  const r = await s.resolution(agency.id, {
    text: "تسهیلات سرمایه در گردش ۵۰ میلیارد ریالی پرداخت شود.",
    deadline: "2030-03-01",
    onAgenda: true,
  });
  resolutionId = r.id;
  expect((await approveMinutes(s.chair, { meetingId }, t)).ok).toBe(true);
  // Changed after approval: the Word file still says what was approved.
  await db.resolution.update({ where: { id: r.id }, data: { text: "متن بعدی" } });
});

describe("GET /api/meetings/[id]/minutes.docx", () => {
  it("is a Word file of the approved minutes, right to left, in Persian digits", async () => {
    signedIn = asUser(member);
    const response = await minutes(meetingId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="minutes-\d+-\d+\.docx"/,
    );
    const xml = await documentXml(response);
    const text = plain(xml);
    expect(text).toContain("تسهیلات سرمایه در گردش ۵۰ میلیارد ریالی پرداخت شود.");
    expect(text).not.toContain("متن بعدی");
    expect(text).toContain("بانک کشاورزی");
    expect(text).toContain("۱. خرمای بم");
    expect(text).not.toMatch(/[0-9]{4}\/[0-9]/); // dates and numbers in Persian digits
    expect(xml).toContain("<w:bidi/>");
    expect(xml).toContain("<w:rtl/>");
    expect(xml).toContain("<w:bidiVisual/>");
    // The verification code approval sealed the minutes with, and its QR picture.
    const { minutesVerifyCode } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(minutesVerifyCode).toBeTruthy();
    expect(text).toContain(minutesVerifyCode ?? "-");
    expect(xml).toContain("<w:drawing>");
  });

  it("answers 404 to another province's user and 401 to a visitor", async () => {
    signedIn = asUser(foreign);
    expect((await minutes(meetingId)).status).toBe(404);
    signedIn = null;
    expect((await minutes(meetingId)).status).toBe(401);
  });
});

describe("approved minutes printed from Word", () => {
  it("carry the verification code and its QR on every page; before approval, none", async () => {
    ensureLibreOffice();
    const chair = await createActor(["CHAIR"], { provinceId });
    const agency = await createAgency(provinceId, "سازمان صنعت، معدن و تجارت");
    const meeting = await createMeeting(provinceId, { status: "HELD" });
    // Twenty-four cases, each with a resolution of a long paragraph: four pages or so of A4.
    for (let i = 0; i < 24; i++) {
      const unitId = (await createUnit(provinceId, { name: `واحد تولیدی شماره ${i + 1}` })).id;
      const r = await createResolution(
        { provinceId, meetingId: meeting.id, unitId, responsibleAgencyId: agency.id },
        {
          text: `${"بانک عامل تسهیلات سرمایه در گردش واحد را با دوره بازپرداخت سی و شش ماهه و تنفس شش ماهه تمدید کند و نتیجه را به دبیرخانه گزارش دهد. ".repeat(3)}`,
          deadline: "2030-03-01",
        },
      );
      const item = await db.agendaItem.create({
        data: { meetingId: meeting.id, unitId },
        select: { id: true },
      });
      await db.resolution.update({ where: { id: r.id }, data: { agendaItemId: item.id } });
    }
    signedIn = asUser(member);
    // Not yet approved: no code, so no footer with one (as the draft agenda).
    const draft = await minutes(meeting.id);
    expect(draft.status).toBe(200);
    expect(footerParts(new Uint8Array(await draft.arrayBuffer()))).toEqual([]);

    expect((await approveMinutes(chair, { meetingId: meeting.id }, t)).ok).toBe(true);
    const { minutesVerifyCode: code } = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const response = await minutes(meeting.id);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(footerParts(bytes).length).toBeGreaterThan(0);

    const dir = await mkdtemp(join(tmpdir(), "tashil-word-pages-"));
    try {
      // The QR read in the page's foot (the bottom 30 mm, where the footer sits): the last page
      // also shows the closing QR after the signatures (docs/decisions/311-word-paper-footer.md).
      const pages = readPdfPages(await docxAsPdf(bytes), dir, "minutes", { footMm: 30 });
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const [i, page] of pages.entries()) {
        expect(page.text, `page ${i + 1}`).toContain(code ?? "-");
        expect(page.qr, `page ${i + 1}`).toMatch(new RegExp(`/verify/${code}$`));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe("GET /api/letters/[id].docx", () => {
  it("is the letter as a Word file, and another province's user gets 404", async () => {
    const secretariat = await createActor(["SECRETARIAT"], {
      provinceId: (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).provinceId,
    });
    const { ids } = await issueLetters(secretariat, { resolutionId }, t);
    const id = ids?.[0] ?? "";
    signedIn = asUser(member);
    const response = await letter(`${id}.docx`);
    expect(response.status).toBe(200);
    const xml = await documentXml(response);
    const stored = await db.letter.findUniqueOrThrow({ where: { id } });
    expect(plain(xml)).toContain(stored.subject);
    expect(plain(xml)).toContain(stored.verifyCode);
    expect(xml).toContain("<w:bidi/>");
    signedIn = asUser(foreign);
    expect((await letter(`${id}.docx`)).status).toBe(404);
    signedIn = asUser(member);
    expect((await letter(id)).status).toBe(404);
  });
});
