// Issue #37 §4: approved minutes and official letters as Word files. The .docx is a zip; its
// word/document.xml must hold the Persian text (the frozen resolution, in Persian digits) in
// right-to-left paragraphs (w:bidi) and runs (w:rtl), and the file is read exactly as its page
// is: another province's user gets a 404.
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { approveMinutes } from "@/lib/meetings/sessions";
import { issueLetters } from "@/lib/letters/issue";
import { createActor, createProvince, t } from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";

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
/** The text of the document, runs joined, as a reader sees it (XML entities aside). */
const plain = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

let meetingId: string;
let resolutionId: string;
let s: Scenario;
let member: Awaited<ReturnType<typeof createActor>>;
let foreign: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  s = await provinceScenario({ banks: 0, county: ["بم"], unit: "خرمای بم", session: { status: "HELD" } });
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

describe("GET /api/letters/[id].docx", () => {
  it("is the letter as a Word file, and another province's user gets 404", async () => {
    const { ids } = await issueLetters(s.secretariat, { resolutionId }, t);
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
