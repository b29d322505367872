// A retry never duplicates: the same form render submitted twice — after a dropped
// connection, or twice at once — creates one record, and the repeat gets the first answer.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newSubmissionKey } from "@/lib/forms";
import { saveResolution } from "@/lib/meetings/resolutions";
import { createObstacle } from "@/lib/obstacles/mutations";
import { reportProgress } from "@/lib/resolutions/mutations";
import { createUnit } from "@/lib/units/mutations";
import {
  createActor,
  createAgency,
  createCategory,
  createCounty,
  createMeeting,
  createProvince,
  createResolution,
  createUnit as unitRow,
  t,
} from "../support/fixtures";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-idempotency-"));

const REPEAT_FA = t("errors.duplicateSubmission");
const pdf = () => new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "نامه.pdf");

let provinceId: string;
let countyId: string;
let agencyId: string;
let unitId: string;
let categoryId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let agencyUser: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  countyId = (await createCounty(provinceId, "کرمان")).id;
  agencyId = (await createAgency(provinceId)).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  agencyUser = await createActor(["AGENCY"], { provinceId, agencyId });
  unitId = (await unitRow(provinceId, { countyId, name: "واحد تکرار", sector: "MINING" })).id;
  categoryId = (await createCategory(`IDEM-${provinceId}`, "مالیاتی", "Tax")).id;
});

const unitInput = (name: string, key: string) => ({
  name,
  sector: "INDUSTRIAL",
  countyId,
  status: "ACTIVE",
  idempotencyKey: key,
});

describe("resubmitting the same form render", () => {
  it("creates one unit; the repeat gets the first answer (same id), said to be a repeat", async () => {
    const key = newSubmissionKey();
    const first = await createUnit(secretariat, unitInput("کاشی یکتا", key), t);
    const again = await createUnit(secretariat, unitInput("کاشی یکتا", key), t);
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual({ ok: true, id: first.id, message: REPEAT_FA });
    expect(await db.productionUnit.count({ where: { provinceId, name: "کاشی یکتا" } })).toBe(1);
    // A new render (a new key) is a new submission.
    const other = await createUnit(secretariat, unitInput("کاشی یکتا", newSubmissionKey()), t);
    expect(other.ok).toBe(false); // the duplicate-name warning, as for any second unit of that name
  });

  it("creates one unit when both submissions arrive at the same moment", async () => {
    const key = newSubmissionKey();
    const both = await Promise.all([
      createUnit(secretariat, unitInput("سیمان همزمان", key), t),
      createUnit(secretariat, unitInput("سیمان همزمان", key), t),
    ]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect(both[0]?.id).toBe(both[1]?.id);
    expect(await db.productionUnit.count({ where: { provinceId, name: "سیمان همزمان" } })).toBe(1);
  });

  it("creates one obstacle with one set of attachments", async () => {
    const key = newSubmissionKey();
    const input = { unitId, categoryId, description: "بدهی مالیاتی معوق", idempotencyKey: key };
    const first = await createObstacle(secretariat, input, [pdf()], t);
    const again = await createObstacle(secretariat, input, [pdf()], t);
    expect(again).toEqual({ ok: true, id: first.id, message: REPEAT_FA });
    const stored = await db.obstacle.findMany({
      where: { unitId, description: "بدهی مالیاتی معوق" },
      include: { attachments: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.attachments).toHaveLength(1);
  });

  it("records one progress report, and the repeat is not mistaken for someone else's change", async () => {
    const meeting = await createMeeting(provinceId);
    const resolution = await createResolution(
      { provinceId, meetingId: meeting.id, unitId, responsibleAgencyId: agencyId },
      { text: "اداره مالیات تقسیط کند.", deadline: "2031-01-01" },
    );
    const input = {
      id: resolution.id,
      version: String(resolution.version),
      note: "درخواست تقسیط ثبت شد.",
      toStatus: "IN_PROGRESS",
      idempotencyKey: newSubmissionKey(),
    };
    expect(await reportProgress(agencyUser, input, [], t)).toMatchObject({ ok: true });
    expect(await reportProgress(agencyUser, input, [], t)).toMatchObject({ ok: true, message: REPEAT_FA });
    expect(await db.progressReport.count({ where: { resolutionId: resolution.id } })).toBe(1);
  });

  it("enters one resolution in the session, with the first one's number", async () => {
    const meeting = await createMeeting(provinceId);
    const item = await db.agendaItem.create({ data: { meetingId: meeting.id, unitId, position: 1 } });
    const input = {
      itemId: item.id,
      text: "بانک امهال کند.",
      responsibleAgencyId: agencyId,
      deadline: "1412/05/01",
      idempotencyKey: newSubmissionKey(),
    };
    const first = await saveResolution(secretariat, input, t);
    expect(first).toMatchObject({ ok: true, sequence: 1 });
    expect(await saveResolution(secretariat, input, t)).toEqual({
      ok: true,
      id: first.id,
      sequence: 1,
      message: REPEAT_FA,
    });
    expect(await db.resolution.count({ where: { agendaItemId: item.id } })).toBe(1);
  });
  // Imports need no key: each chunk advances its batch's cursor in the same transaction
  // as the rows it writes, so a repeated chunk writes nothing (tests/integration/import.test.ts).
});
