import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import {
  decideExtension,
  reportProgress,
  requestExtension,
  verifyResolution,
} from "@/lib/resolutions/mutations";
import { getAttachmentForDownload } from "@/lib/obstacles/queries";
import { getResolutionDetail, listAgencyInbox, listSupportedResolutions } from "@/lib/resolutions/queries";
import { fileStorage } from "@/lib/storage";
import type { ResolutionStatus } from "@/lib/generated/prisma/enums";
import {
  createActor,
  createAgency,
  createCategory,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
  t,
  tEn,
} from "../support/fixtures";
import { provinceScenario } from "../support/scenario";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-followup-"));

const CONFLICT_FA = "این مصوبه را کاربر دیگری تغییر داده است؛ صفحه را دوباره بارگذاری کنید.";
const pdf = (name = "letter.pdf") =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], name, { type: "application/pdf" });

let provinceId: string;
let responsible: string;
let supporting: string;
let other: string;
let unitId: string;
let meetingId: string;
const actors = {} as Record<
  "owner" | "supporter" | "stranger" | "secretariat" | "member" | "chair" | "admin" | "elsewhere",
  Actor
>;

const newResolution = (opts: { status?: ResolutionStatus; obstacleIds?: string[]; deadline?: string } = {}) =>
  createResolution(
    { provinceId, meetingId, unitId, responsibleAgencyId: responsible },
    { ...opts, supportingAgencyIds: [supporting] },
  );

const newObstacle = async () =>
  createObstacle(
    { id: unitId, provinceId },
    { categoryId: (await createCategory("T-FOLLOWUP")).id, description: "امهال", status: "DECIDED" },
  );

const state = (id: string) =>
  db.resolution.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, deadline: true } });

beforeAll(async () => {
  // The session's body has no members here: nothing in this file is about attendance.
  const cast = await provinceScenario({
    banks: 0,
    agencies: ["بانک ملی آزمون", "دستگاه پشتیبان", "دستگاه دیگر"],
    bodies: [],
    session: { startsAt: new Date("2025-05-31T05:30:00Z") },
    unit: "واحد پیگیری",
  });
  provinceId = cast.provinceId;
  [responsible = "", supporting = "", other = ""] = cast.agencies;
  unitId = cast.unitId ?? "";
  meetingId = cast.sessionId ?? "";
  actors.owner = await cast.person(["AGENCY"], { agencyId: responsible });
  actors.supporter = await cast.person(["AGENCY"], { agencyId: supporting });
  actors.stranger = await cast.person(["AGENCY"], { agencyId: other });
  actors.secretariat = cast.secretariat;
  actors.member = await cast.person(["MEMBER"]);
  actors.chair = cast.chair;
  actors.admin = await cast.person(["ADMIN"]);
  const elsewhere = await createProvince();
  actors.elsewhere = await createActor(["SECRETARIAT"], { provinceId: elsewhere.id });
});

describe("who may act on a resolution (server-side, whatever the caller)", () => {
  type Attempt = (
    actor: Actor,
    r: { id: string; version: number },
  ) => Promise<{ ok: boolean; message?: string }>;
  const report: Attempt = (a, r) =>
    reportProgress(
      a,
      { id: r.id, version: r.version, note: "نامه امهال به شعبه ابلاغ شد.", toStatus: "IN_PROGRESS" },
      [],
      t,
    );
  const extend: Attempt = (a, r) =>
    requestExtension(
      a,
      {
        id: r.id,
        version: r.version,
        newDeadline: "1409/01/01",
        reason: "نیاز به استعلام از اداره مرکزی بانک",
      },
      t,
    );
  const verify: Attempt = (a, r) =>
    verifyResolution(a, { id: r.id, version: r.version, decision: "VERIFY" }, t);
  const actions: Record<
    string,
    { attempt: Attempt; status: "ISSUED" | "DONE_REPORTED"; allowed: (keyof typeof actors)[] }
  > = {
    "resolution.report": { attempt: report, status: "ISSUED", allowed: ["owner"] },
    "resolution.requestExtension": { attempt: extend, status: "ISSUED", allowed: ["owner"] },
    "resolution.verify": { attempt: verify, status: "DONE_REPORTED", allowed: ["secretariat"] },
  };
  for (const [action, { attempt, status, allowed }] of Object.entries(actions)) {
    for (const who of [
      "owner",
      "supporter",
      "stranger",
      "secretariat",
      "member",
      "chair",
      "admin",
      "elsewhere",
    ] as const) {
      const allow = allowed.includes(who);
      it(`${action}: ${who} is ${allow ? "allowed" : "refused"}`, async () => {
        const r = await newResolution({ status });
        const result = await attempt(actors[who], r);
        expect(result.ok).toBe(allow);
        const after = await state(r.id);
        if (allow) {
          expect(after.version).toBe(2);
          expect(
            await db.auditEvent.count({
              where: { entityType: "Resolution", entityId: r.id, actorId: actors[who].id },
            }),
          ).toBe(1);
        } else {
          // Refused in words, nothing written.
          expect(result.message).toMatch(who === "elsewhere" ? /پیدا نشد/ : /اجازه/);
          expect(after).toEqual({ status, version: 1, deadline: r.deadline });
          expect(await db.auditEvent.count({ where: { entityType: "Resolution", entityId: r.id } })).toBe(0);
        }
      });
    }
  }

  it("extension.decide: only the secretariat decides", async () => {
    for (const who of ["owner", "stranger", "member", "chair", "admin"] as const) {
      const r = await newResolution();
      expect((await extend(actors.owner, r)).ok).toBe(true);
      const request = await db.extensionRequest.findFirstOrThrow({ where: { resolutionId: r.id } });
      const result = await decideExtension(
        actors[who],
        { id: r.id, version: 2, extensionId: request.id, decision: "APPROVE" },
        t,
      );
      expect(result, who).toMatchObject({ ok: false });
      expect((await state(r.id)).deadline).toEqual(r.deadline);
    }
  });

  it("refuses a signed-out caller", async () => {
    const r = await newResolution();
    expect(
      await reportProgress(
        null,
        { id: r.id, version: 1, note: "گزارش بدون ورود", toStatus: "IN_PROGRESS" },
        [],
        t,
      ),
    ).toMatchObject({ ok: false });
  });
});

describe("reporting progress", () => {
  it("moves ISSUED → IN_PROGRESS → DONE_REPORTED with evidence, keeping each report and its files", async () => {
    const r = await newResolution();
    expect(
      await reportProgress(
        actors.owner,
        { id: r.id, version: 1, note: "پرونده در شعبه مرکزی در حال بررسی است.", toStatus: "IN_PROGRESS" },
        [],
        t,
      ),
    ).toMatchObject({ ok: true, message: "گزارش عملکرد ثبت شد." });
    expect(await state(r.id)).toMatchObject({ status: "IN_PROGRESS", version: 2 });

    // Done without a document is refused: a note alone is not evidence.
    const bare = await reportProgress(
      actors.owner,
      { id: r.id, version: 2, note: "اقدام لازم انجام شد و نامه ابلاغ شد.", toStatus: "DONE_REPORTED" },
      [],
      t,
    );
    expect(bare).toMatchObject({
      ok: false,
      fieldErrors: { files: ["برای اعلام انجام، دست‌کم یک پیوست لازم است."] },
    });

    const done = await reportProgress(
      actors.owner,
      { id: r.id, version: 2, note: "اقدام لازم انجام شد و نامه ابلاغ شد.", toStatus: "DONE_REPORTED" },
      [pdf()],
      t,
    );
    expect(done.ok).toBe(true);
    expect(await state(r.id)).toMatchObject({ status: "DONE_REPORTED", version: 3 });

    const detail = await getResolutionDetail(actors.member, r.id);
    expect(
      detail?.progressReports.map((p) => [p.fromStatus, p.toStatus, p.attachments.map((a) => a.fileName)]),
    ).toEqual([
      ["IN_PROGRESS", "DONE_REPORTED", ["letter.pdf"]],
      ["ISSUED", "IN_PROGRESS", []],
    ]);
    const attachmentId = detail?.progressReports[0]?.attachments[0]?.id ?? "";
    const stored = await getAttachmentForDownload(actors.member, attachmentId);
    expect(stored?.mimeType).toBe("application/pdf");
    expect((await fileStorage().get(stored?.storageKey ?? ""))?.subarray(0, 4).toString()).toBe("%PDF");
    // Another province cannot reach the file.
    expect(await getAttachmentForDownload(actors.elsewhere, attachmentId)).toBeNull();
    // The member sees reports but not the audit trail; the secretariat sees both.
    expect(detail?.history).toBeNull();
    expect((await getResolutionDetail(actors.secretariat, r.id))?.history?.map((h) => h.action)).toEqual([
      "resolution.report",
      "resolution.report",
    ]);

    // Once reported done, the agency cannot report again until the secretariat reopens it.
    expect(
      await reportProgress(
        actors.owner,
        { id: r.id, version: 3, note: "گزارش تکمیلی اقدام انجام‌شده", toStatus: "IN_PROGRESS" },
        [],
        t,
      ),
    ).toMatchObject({ ok: false, message: t("resolutions.notOpen") });
  });

  it("validates the note and the files", async () => {
    const r = await newResolution();
    const short = await reportProgress(
      actors.owner,
      { id: r.id, version: 1, note: "کوتاه", toStatus: "IN_PROGRESS" },
      [],
      t,
    );
    expect(short.fieldErrors?.note).toEqual([t("resolutions.v.noteMin")]);
    const exe = new File(["MZ"], "tool.exe", { type: "application/x-msdownload" });
    const bad = await reportProgress(
      actors.owner,
      { id: r.id, version: 1, note: "پیوست نامعتبر برای آزمون", toStatus: "IN_PROGRESS" },
      [exe],
      t,
    );
    expect(bad.fieldErrors?.files).toEqual([t("obstacles.fileType", { name: "tool.exe" })]);
    // The browser's claim is not believed: an HTML page named .pdf is refused by its bytes.
    const disguised = new File(["<html><script>alert(1)</script>"], "letter.pdf", {
      type: "application/pdf",
    });
    const sneaky = await reportProgress(
      actors.owner,
      { id: r.id, version: 1, note: "پیوست با پسوند جعلی", toStatus: "IN_PROGRESS" },
      [disguised],
      t,
    );
    expect(sneaky.fieldErrors?.files).toEqual([t("obstacles.fileType", { name: "letter.pdf" })]);
    expect(await state(r.id)).toMatchObject({ status: "ISSUED", version: 1 });
  });
});

describe("evidence files go through the registry's upload path", () => {
  const storedFiles = () =>
    readdirSync(process.env.STORAGE_DIR ?? "", { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length;
  const done = (r: { id: string; version: number }) => ({
    id: r.id,
    version: r.version,
    note: "اقدام انجام شد؛ نامه بانک پیوست است.",
    toStatus: "DONE_REPORTED",
  });
  afterEach(() => vi.restoreAllMocks());

  it("removes the stored files again when the report loses a version conflict after storing them", async () => {
    const r = await newResolution();
    const before = storedFiles();
    // Someone else's change lands while the files are being written: the report's
    // transaction then finds a newer version and must not leave the bytes behind.
    const storage = fileStorage();
    const putStream = storage.putStream.bind(storage);
    vi.spyOn(storage, "putStream").mockImplementationOnce(async (key, source) => {
      const written = await putStream(key, source);
      await db.resolution.update({ where: { id: r.id }, data: { version: { increment: 1 } } });
      return written;
    });
    const result = await reportProgress(actors.owner, done(r), [pdf("نامه یک.pdf"), pdf("نامه دو.pdf")], t);
    expect(result).toEqual({ ok: false, message: CONFLICT_FA });
    expect(storage.putStream).toHaveBeenCalledTimes(2);
    expect(storedFiles()).toBe(before);
    expect(await db.progressReport.count({ where: { resolutionId: r.id } })).toBe(0);
  });

  it("refuses more than 5 files or more than 25 MB in one report, in words, and stores nothing", async () => {
    const r = await newResolution();
    const before = storedFiles();
    const six = [1, 2, 3, 4, 5, 6].map((i) => pdf(`نامه ${i}.pdf`));
    expect(await reportProgress(actors.owner, done(r), six, t)).toMatchObject({
      ok: false,
      message: "حداکثر ۵ فایل در هر بار.",
      fieldErrors: { files: ["حداکثر ۵ فایل در هر بار."] },
    });
    // Three files of 9 MB: each is under the 10 MB limit, together they pass 25 MB.
    const nineMb = (name: string) =>
      new File([new Uint8Array(9 * 1024 * 1024).fill(0x25)], name, { type: "application/pdf" });
    const big = await reportProgress(
      actors.owner,
      done(r),
      [nineMb("الف.pdf"), nineMb("ب.pdf"), nineMb("ج.pdf")],
      tEn,
    );
    expect(big).toMatchObject({
      ok: false,
      message: "The files of this submission add up to more than 25 MB.",
    });
    expect(storedFiles()).toBe(before);
    expect(await state(r.id)).toMatchObject({ status: "ISSUED", version: 1 });
  });
});

describe("no lost updates", () => {
  it("the second of two people who read the same version is told to reload, in both languages", async () => {
    const r = await newResolution();
    const first = await reportProgress(
      actors.owner,
      { id: r.id, version: 1, note: "گزارش نفر اول از اقدام بانک", toStatus: "IN_PROGRESS" },
      [],
      t,
    );
    const second = await requestExtension(
      actors.owner,
      { id: r.id, version: 1, newDeadline: "1409/01/01", reason: "درخواست نفر دوم بر اساس نسخه قدیمی" },
      t,
    );
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, message: CONFLICT_FA });
    const secondEn = await verifyResolution(
      actors.secretariat,
      { id: r.id, version: 1, decision: "VERIFY" },
      tEn,
    );
    expect(secondEn.message).toBe("Someone else changed this resolution; reload the page.");
    expect(await db.extensionRequest.count({ where: { resolutionId: r.id } })).toBe(0);
    expect(await state(r.id)).toMatchObject({ status: "IN_PROGRESS", version: 2 });
  });

  it("two simultaneous changes: exactly one wins", async () => {
    const r = await newResolution({ status: "DONE_REPORTED" });
    const results = await Promise.all([
      verifyResolution(actors.secretariat, { id: r.id, version: 1, decision: "VERIFY" }, t),
      verifyResolution(
        actors.secretariat,
        { id: r.id, version: 1, decision: "REOPEN", note: "مستندات ارسالی کافی نیست" },
        t,
      ),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.find((x) => !x.ok)?.message).toBe(CONFLICT_FA);
    expect((await state(r.id)).version).toBe(2);
    expect(await db.auditEvent.count({ where: { entityType: "Resolution", entityId: r.id } })).toBe(1);
  });
});

describe("extensions", () => {
  it("approval moves the deadline and keeps the old one in the history", async () => {
    const r = await newResolution({ deadline: "2030-01-15" });
    const past = await requestExtension(
      actors.owner,
      { id: r.id, version: 1, newDeadline: "1408/01/01", reason: "مهلت پیشنهادی زودتر از مهلت فعلی" },
      t,
    );
    expect(past.fieldErrors?.newDeadline).toEqual([t("resolutions.deadlineNotLater")]);
    const badDate = await requestExtension(
      actors.owner,
      { id: r.id, version: 1, newDeadline: "1409/13/01", reason: "تاریخ نامعتبر برای آزمون" },
      t,
    );
    expect(badDate.fieldErrors?.newDeadline).toEqual([t("resolutions.v.jalaliDate")]);

    expect(
      (
        await requestExtension(
          actors.owner,
          { id: r.id, version: 1, newDeadline: "۱۴۰۹/۰۱/۰۱", reason: "نیاز به استعلام از اداره مرکزی بانک" },
          t,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await requestExtension(
          actors.owner,
          { id: r.id, version: 2, newDeadline: "1409/02/01", reason: "درخواست دوم پیش از تصمیم" },
          t,
        )
      ).message,
    ).toBe(t("resolutions.extensionPendingExists"));
    const request = await db.extensionRequest.findFirstOrThrow({ where: { resolutionId: r.id } });
    expect(
      (
        await decideExtension(
          actors.secretariat,
          { id: r.id, version: 2, extensionId: request.id, decision: "APPROVE" },
          t,
        )
      ).ok,
    ).toBe(true);
    const detail = await getResolutionDetail(actors.secretariat, r.id);
    expect(detail?.deadline.toISOString().slice(0, 10)).toBe("2030-03-21"); // 1409/01/01
    expect(
      detail?.extensionRequests.map((e) => [
        e.status,
        e.previousDeadline.toISOString().slice(0, 10),
        e.requestedDeadline.toISOString().slice(0, 10),
      ]),
    ).toEqual([["APPROVED", "2030-01-15", "2030-03-21"]]);
    expect(detail?.history?.map((h) => h.action)).toEqual([
      "extension.approve",
      "resolution.requestExtension",
    ]);
  });

  it("a rejection needs a reason and leaves the deadline alone", async () => {
    const r = await newResolution();
    await requestExtension(
      actors.owner,
      { id: r.id, version: 1, newDeadline: "1409/01/01", reason: "نیاز به استعلام از اداره مرکزی بانک" },
      t,
    );
    const request = await db.extensionRequest.findFirstOrThrow({ where: { resolutionId: r.id } });
    const noReason = await decideExtension(
      actors.secretariat,
      { id: r.id, version: 2, extensionId: request.id, decision: "REJECT" },
      t,
    );
    expect(noReason.fieldErrors?.note).toEqual([t("resolutions.v.reasonMin")]);
    expect(
      (
        await decideExtension(
          actors.secretariat,
          {
            id: r.id,
            version: 2,
            extensionId: request.id,
            decision: "REJECT",
            note: "مهلت فعلی برای این اقدام کافی است",
          },
          t,
        )
      ).ok,
    ).toBe(true);
    expect((await state(r.id)).deadline).toEqual(r.deadline);
    expect(await db.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "REJECTED",
      decisionNote: "مهلت فعلی برای این اقدام کافی است",
    });
  });
});

describe("verification and the unit's obstacle", () => {
  it("resolves the obstacle only when all its non-cancelled resolutions are verified; reopening takes it back", async () => {
    const obstacle = await newObstacle();
    const a = await newResolution({ status: "DONE_REPORTED", obstacleIds: [obstacle.id] });
    const b = await newResolution({ status: "DONE_REPORTED", obstacleIds: [obstacle.id] });
    await createResolution(
      { provinceId, meetingId, unitId, responsibleAgencyId: responsible },
      { text: "لغوشده", deadline: "2030-01-01", status: "CANCELLED", obstacleIds: [obstacle.id] },
    );
    const obstacleStatus = async () =>
      (await db.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } })).status;

    expect(
      (await verifyResolution(actors.secretariat, { id: a.id, version: 1, decision: "VERIFY" }, t)).ok,
    ).toBe(true);
    expect(await obstacleStatus()).toBe("DECIDED");
    expect(
      (await verifyResolution(actors.secretariat, { id: b.id, version: 1, decision: "VERIFY" }, t)).ok,
    ).toBe(true);
    expect(await obstacleStatus()).toBe("RESOLVED");
    expect(
      await db.auditEvent.count({
        where: { entityType: "Obstacle", entityId: obstacle.id, action: "obstacle.resolve" },
      }),
    ).toBe(1);

    // Verified is final for the agency; the secretariat may only reopen a reported one.
    expect(
      (await verifyResolution(actors.secretariat, { id: b.id, version: 2, decision: "VERIFY" }, t)).message,
    ).toBe(t("resolutions.notDoneReported"));
  });

  it("reopening needs a reason, returns the resolution to the agency and un-resolves the obstacle", async () => {
    const obstacle = await newObstacle();
    const r = await newResolution({ status: "DONE_REPORTED", obstacleIds: [obstacle.id] });
    await db.obstacle.update({ where: { id: obstacle.id }, data: { status: "RESOLVED" } });
    const noReason = await verifyResolution(
      actors.secretariat,
      { id: r.id, version: 1, decision: "REOPEN" },
      t,
    );
    expect(noReason.fieldErrors?.note).toEqual([t("resolutions.v.reasonMin")]);
    expect(
      await verifyResolution(
        actors.secretariat,
        { id: r.id, version: 1, decision: "REOPEN", note: "نامه ابلاغ امهال پیوست نشده است" },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect(await state(r.id)).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect((await db.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } })).status).toBe("DECIDED");
    const [latest] = (await getResolutionDetail(actors.owner, r.id))?.progressReports ?? [];
    expect(latest).toMatchObject({
      fromStatus: "DONE_REPORTED",
      toStatus: "IN_PROGRESS",
      note: "نامه ابلاغ امهال پیوست نشده است",
    });
  });
});

describe("agency inbox", () => {
  it("lists the agency's own resolutions open first by deadline, filters by status and session, and the supported ones apart", async () => {
    const province = (await createProvince()).id;
    const agency = (await createAgency(province)).id;
    const helper = (await createAgency(province)).id;
    const unit = await createUnit(province, { name: "واحد", sector: "MINING", status: "ACTIVE" });
    const m1 = await createMeeting(province, { kind: "COMMITTEE", startsAt: new Date("2025-06-01") });
    const m2 = await createMeeting(province, { kind: "COMMITTEE", startsAt: new Date("2025-06-08") });
    const rows = [
      ["verified", "2025-07-01", "VERIFIED", m1.id],
      ["later", "2025-08-01", "ISSUED", m1.id],
      ["overdue", "2025-07-01", "IN_PROGRESS", m2.id],
      ["soon", "2025-07-12", "ISSUED", m2.id],
    ] as const;
    for (const [text, deadline, status, meeting] of rows)
      await createResolution(
        { provinceId: province, meetingId: meeting, unitId: unit.id, responsibleAgencyId: agency },
        { text, deadline, status, supportingAgencyIds: text === "soon" ? [helper] : [] },
      );
    const user = await createActor(["AGENCY"], { provinceId: province, agencyId: agency });
    const texts = async (f: Parameters<typeof listAgencyInbox>[1]) =>
      (await listAgencyInbox(user, f, "2025-07-10")).items.map((i) => i.text);
    expect(await texts({})).toEqual(["overdue", "soon", "later", "verified"]);
    expect(await texts({ status: "ISSUED" })).toEqual(["soon", "later"]);
    expect(await texts({ meetingId: m1.id })).toEqual(["later", "verified"]);
    const helperUser = await createActor(["AGENCY"], { provinceId: province, agencyId: helper });
    expect((await listAgencyInbox(helperUser, {}, "2025-07-10")).items).toEqual([]);
    expect((await listSupportedResolutions(helperUser)).items.map((i) => i.text)).toEqual(["soon"]);
  });
});
