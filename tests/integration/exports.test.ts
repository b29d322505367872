import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { removeExpiredExports } from "@/lib/exports/jobs";
import { listMyExportJobs } from "@/lib/exports/queries";
import { stopExportQueue } from "@/lib/exports/queue";
import { startExportJobs } from "@/lib/exports/worker";
import { streamedExport } from "@/lib/exports/http";
import { tableSource } from "@/lib/reports/table";
import {
  createActor,
  createAgency,
  createCounty,
  createMeeting,
  createProvince,
  createUnit,
} from "../support/fixtures";

// The export links end to end through their route handlers: a streamed download read back
// with exceljs, the CSV choice, and the background-job path through the real pg-boss queue,
// the real storage module (a temporary directory) and the real outbox.

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-exports-"));

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const registerRoute = await import("@/app/api/resolutions/export/route");
const unitsRoute = await import("@/app/api/units/export/route");
const fileRoute = await import("@/app/api/exports/[id]/route");

type Actor = Awaited<ReturnType<typeof createActor>>;
const asUser = (actor: Actor): SessionUser => ({ ...actor, name: "x", locale: "fa" });

const ROWS = 2_345; // a dozen of the writer's 200-row batches
const OTHER_ROWS = 120; // another agency's: the filter must leave them out
let provinceId: string;
let agencyId: string;
let member: Actor;
let colleague: Actor;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  agencyId = (await createAgency(provinceId, "سازمان صنعت، معدن و تجارت")).id;
  const otherAgency = (await createAgency(provinceId, "بانک آزمون")).id;
  const county = await createCounty(provinceId, "رفسنجان", "Rafsanjan");
  const unit = await createUnit(provinceId, {
    countyId: county.id,
    name: "شرکت پسته‌ی رفسنجان",
    sector: "AGRICULTURAL",
    status: "ACTIVE",
  });
  // The sheet's first column names it: «جلسه سوم … ۱۴۰۴».
  const meeting = await createMeeting(provinceId, {
    jalaliYear: 1404,
    number: 3,
    startsAt: new Date("2025-05-31"),
  });
  const row = (i: number, agency: string) => ({
    // Ids sort in creation order, so the first and last rows are known.
    id: `exp-${provinceId}-${String(i).padStart(5, "0")}`,
    provinceId,
    meetingId: meeting.id,
    unitId: unit.id,
    responsibleAgencyId: agency,
    // ZWNJ, Persian digits and a formula-looking start, which the CSV must defuse.
    text:
      i === 0
        ? "=تمدید مهلت بازپرداخت تسهیلات شهرک‌های صنعتی"
        : i === 1
          ? 'بند "الف", بند ب'
          : `مصوبه‌ی شماره ${i} برای «واحد»، با ویرگول`,
    deadline: new Date(Date.UTC(2025, 0, 1 + (i % 300))),
    status: (["ISSUED", "IN_PROGRESS", "VERIFIED"] as const)[i % 3],
  });
  // Thousands of rows: one bulk insert rather than createResolution() and a round trip per row.
  await db.resolution.createMany({ data: Array.from({ length: ROWS }, (_, i) => row(i, agencyId)) });
  await db.resolution.createMany({
    data: Array.from({ length: OTHER_ROWS }, (_, i) => row(ROWS + i, otherAgency)),
  });
  member = await createActor(["MEMBER"], { provinceId });
  colleague = await createActor(["SECRETARIAT"], { provinceId });
});

afterAll(async () => {
  await stopExportQueue();
});

const noParams = { params: Promise.resolve({}) };
const exportRegister = (request: Request) => registerRoute.GET(request, noParams);
const url = (query: string) => new Request(`http://test/api/resolutions/export?${query}`);
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

async function sheetRows(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { rows, rtl: ws?.views[0]?.rightToLeft, name: ws?.name };
}

async function waitForJob(id: string) {
  for (let i = 0; i < 120; i++) {
    const job = await db.exportJob.findUniqueOrThrow({ where: { id } });
    if (job.status === "READY" || job.status === "FAILED") return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the export job did not finish");
}

const expectedFirst = [
  "جلسه سوم کارگروه تسهیل و رفع موانع تولید در سال ۱۴۰۴",
  "شرکت پسته‌ی رفسنجان",
  "=تمدید مهلت بازپرداخت تسهیلات شهرک‌های صنعتی",
  "سازمان صنعت، معدن و تجارت",
];

describe("streamed export", () => {
  it("streams the filtered register as .xlsx that reads back as the filtered rows, Persian intact", async () => {
    signedIn = asUser(member);
    const res = await exportRegister(url(`agencyId=${agencyId}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toMatch(/resolutions-\d{4}-\d{2}-\d{2}\.xlsx/);
    const { rows, rtl, name } = await sheetRows(await bytesOf(res));
    expect(name).toBe("مصوبات");
    expect(rtl).toBe(true);
    expect(rows[0]?.[0]).toBe("جلسه");
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows[1]?.slice(0, 4)).toEqual(expectedFirst);
    // Dates in every export: Jalali text in the reader's digits (decision 102).
    const deadline = formatDate(new Date(Date.UTC(2025, 0, 1)), "fa", { style: "short" });
    expect(rows[1]?.[4]).toBe(deadline);
    expect(deadline).toBe("۱۴۰۳/۱۰/۱۲");
    // "Days left" is a number cell (open items), empty for closed ones.
    expect(typeof rows[1]?.[5]).toBe("number");
    expect(rows.at(-1)?.slice(1, 3)).toEqual([
      "شرکت پسته‌ی رفسنجان",
      `مصوبه‌ی شماره ${ROWS - 1} برای «واحد»، با ویرگول`,
    ]);
    // No row of the other agency slipped through.
    expect(rows.slice(1).every((r) => r[3] === "سازمان صنعت، معدن و تجارت")).toBe(true);
  });

  it("offers CSV: UTF-8 with a byte order mark, quoted where needed, formulas defused", async () => {
    signedIn = asUser(member);
    const res = await exportRegister(url(`agencyId=${agencyId}&format=csv`));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/\.csv/);
    const bytes = await bytesOf(res);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(ROWS + 2);
    expect(lines[0]).toBe(
      "جلسه,واحد تولیدی,متن مصوبه,دستگاه مسئول,مهلت,روز مانده (منفی: تأخیر),وضعیت,معوق,پیشرفت,راکد",
    );
    expect(lines[1]).toMatch(
      /^جلسه سوم کارگروه تسهیل و رفع موانع تولید در سال ۱۴۰۴,شرکت پسته‌ی رفسنجان,'=تمدید مهلت بازپرداخت تسهیلات شهرک‌های صنعتی,سازمان صنعت، معدن و تجارت,۱۴۰۳\/۱۰\/۱۲,-?\d+,ابلاغ‌شده,(بله|خیر),\d*,(بله|خیر)$/,
    );
    expect(lines[2]).toContain(',"بند ""الف"", بند ب",');
    expect(lines[ROWS]).toContain(`,مصوبه‌ی شماره ${ROWS - 1} برای «واحد»، با ویرگول,`);
  });

  // What keeps a national export's memory flat: nothing is read from the database faster than
  // the download takes it. A reader that stops after the first chunk leaves the export waiting
  // a few batches in, instead of the server building the rest of the file in memory.
  it.each(["xlsx", "csv"] as const)(
    "reads no further than the download takes (%s): a stalled reader holds the rows back",
    async (format) => {
      const BATCHES = 1000;
      let read = 0;
      async function* batches() {
        for (let b = 0; b < BATCHES; b++) {
          read++;
          // Text that compresses about as little as real prose, so the zip's few buffered
          // kilobytes stand for few rows (repeated text would deflate 100 to 1).
          yield Array.from({ length: 200 }, (_, i) => ({
            n: b * 200 + i,
            text: randomBytes(60).toString("hex"),
          }));
        }
      }
      const exp = {
        count: async () => BATCHES * 200,
        table: () =>
          tableSource(
            "آزمون",
            [
              { header: "n", value: (r: { n: number }) => r.n },
              { header: "متن", value: (r: { text: string }) => r.text },
            ],
            batches(),
            { rtl: true },
          ),
        fileStem: "backpressure",
      };
      const reader = (streamedExport(exp, format).body as ReadableStream<Uint8Array>).getReader();
      expect((await reader.read()).done).toBe(false);
      // However long the reader stays away, the writer waits (the whole file would be ~25 MB
      // of CSV): wait until it stops reading — every pending callback and I/O turn has run
      // and the count holds still — however long a busy machine takes to get there.
      let whileStalled = -1;
      for (let round = 0; round < 40 && read !== whileStalled; round++) {
        whileStalled = read;
        for (let i = 0; i < 200; i++) await new Promise((r) => setImmediate(r));
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(read).toBe(whileStalled);
      // The buffers along the way (the sheet's, the zip's deflate, the response's) hold a
      // bounded amount, not the file: for the .xlsx 20–40 batches of this text when the first
      // look came early on a busy machine, ~280 when waited out on an idle one (2026-12-01);
      // five for CSV. Without backpressure all 1,000 are read.
      expect(whileStalled).toBeLessThan(BATCHES / 2);
      // Reading on, the download completes with every row.
      let bytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        bytes += chunk.value.length;
      expect(read).toBe(BATCHES);
      expect(bytes).toBeGreaterThan(0);
    },
    // Reading the whole ~25 MB file through the zip is most of this test: 5–7 s of CPU at load
    // 10, past the layer's 20 s at load 15–35 (two suites side by side, 2026-12-08). The limit
    // guards against a hang; how fast an export streams is bench/exports.ts's to say.
    60_000,
  );

  it("refuses a visitor who is not signed in", async () => {
    signedIn = null;
    expect((await exportRegister(url(""))).status).toBe(401);
  });
});

describe("export as a background job", () => {
  it("queues a large export, shows its progress, produces the same file and tells only the requester", async () => {
    process.env.EXPORT_JOB_ROWS = "1000";
    try {
      await startExportJobs();
      signedIn = asUser(member);
      const streamed = await sheetRows(
        await bytesOf(await exportRegister(url(`agencyId=${agencyId}&mode=stream`))),
      );

      const res = await exportRegister(url(`agencyId=${agencyId}`));
      expect(res.status).toBe(303);
      const location = res.headers.get("location") ?? "";
      expect(location).toMatch(/^\/exports\?job=/);
      const id = location.split("=")[1] ?? "";
      // Asked again while it runs (a reload): the same job, not a second one.
      const again = await exportRegister(url(`agencyId=${agencyId}`));
      expect(again.headers.get("location")).toBe(location);

      const job = await waitForJob(id);
      expect(job.status).toBe("READY");
      expect(job).toMatchObject({ totalRows: ROWS, doneRows: ROWS, requesterId: member.id });
      expect(job.expiresAt?.getTime()).toBeGreaterThan(Date.now());
      expect((await listMyExportJobs(member)).map((j) => j.id)).toContain(id);
      expect((await listMyExportJobs(colleague)).map((j) => j.id)).not.toContain(id);

      const file = await fileRoute.GET(new Request(`http://test/api/exports/${id}`), {
        params: Promise.resolve({ id }),
      });
      expect(file.status).toBe(200);
      expect(file.headers.get("content-disposition")).toMatch(/resolutions-\d{4}-\d{2}-\d{2}\.xlsx/);
      const prepared = await sheetRows(await bytesOf(file));
      expect(prepared.rows).toEqual(streamed.rows);
      expect(prepared.rtl).toBe(true);

      // The message with the link goes to the requester, and to nobody else.
      const mails = await db.emailMessage.findMany({ where: { eventKey: `export-ready:${id}` } });
      expect(mails.map((m) => [m.toEmail, m.userId])).toEqual([[member.email, member.id]]);
      expect(mails[0]?.body).toContain(`/api/exports/${id}`);

      // Someone else, even of the same province and a stronger role, cannot fetch it.
      signedIn = asUser(colleague);
      const refused = await fileRoute.GET(new Request(`http://test/api/exports/${id}`), {
        params: Promise.resolve({ id }),
      });
      expect(refused.status).toBe(404);

      // After its time the file is removed and the link says so.
      const later = new Date(Date.now() + 25 * 3_600_000);
      expect((await removeExpiredExports(later)).expired).toBeGreaterThanOrEqual(1);
      expect((await db.exportJob.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
      signedIn = asUser(member);
      const gone = await fileRoute.GET(new Request(`http://test/api/exports/${id}`), {
        params: Promise.resolve({ id }),
      });
      expect(gone.status).toBe(410);
    } finally {
      delete process.env.EXPORT_JOB_ROWS;
    }
  });

  it("a CSV job's file is byte for byte the streamed CSV", async () => {
    signedIn = asUser(member);
    await startExportJobs();
    const streamed = await bytesOf(await exportRegister(url(`agencyId=${agencyId}&format=csv&mode=stream`)));
    const res = await exportRegister(url(`agencyId=${agencyId}&format=csv&mode=job`));
    const id = (res.headers.get("location") ?? "").split("=")[1] ?? "";
    expect((await waitForJob(id)).status).toBe("READY");
    const file = await fileRoute.GET(new Request(`http://test/api/exports/${id}`), {
      params: Promise.resolve({ id }),
    });
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await bytesOf(file)).equals(streamed)).toBe(true);
  });

  it("streams units too, in the list's order", async () => {
    signedIn = asUser(member);
    const res = await unitsRoute.GET(
      new Request("http://test/api/units/export?sort=obstacles&dir=desc"),
      noParams,
    );
    const { rows } = await sheetRows(await bytesOf(res));
    expect(rows[0]?.slice(0, 3)).toEqual(["نام واحد", "شناسه ملی", "بخش"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["شرکت پسته‌ی رفسنجان"]);
  });
});
