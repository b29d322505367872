import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  agencyScorecard,
  monthlyIssuedVerified,
  obstaclesByCategoryAndSector,
  overdueByCategory,
  overdueResolutionIds,
  resolutionFigures,
  unitsReturnedToProduction,
} from "@/lib/dashboard/queries";
import { daysUntil, overdueWhere } from "@/lib/resolutions/queries";
import type { Actor } from "@/lib/auth/policy";
import { publicFigures } from "@/lib/dashboard/public";
import { setPublicFigures } from "@/lib/settings/mutations";
import { publicFiguresEnabled, publicFiguresScope } from "@/lib/settings/queries";
import {
  createActor,
  createAgency,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

// A small fixture whose every figure is computed by hand below. "Today" is 2025-07-10
// (19 Tir 1404); Tir began on 2025-06-22, so 2025-06-21 is still Khordad.
const TODAY = "2025-07-10";
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(`${iso}T08:00:00Z`); // 11:30 in Tehran, same calendar day

let secretariat: Actor;
let agencyA: string;
let agencyB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const province = await createProvince();
  const provinceId = province.id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  agencyA = (await createAgency(provinceId, "دستگاه الف")).id;
  agencyB = (await createAgency(provinceId, "دستگاه ب")).id;
  const u1 = await createUnit(provinceId, { name: "واحد یک", status: "IDLE", employees: 40 });
  const u2 = await createUnit(provinceId, {
    name: "واحد دو",
    status: "SEMI_ACTIVE",
    employees: 15,
    sector: "AGRICULTURAL",
  });
  const u3 = await createUnit(provinceId, { name: "واحد سه", status: "ACTIVE", employees: 99 });
  const session = { jalaliYear: 1404, number: 1, status: "HELD" } as const;
  const m1 = await createMeeting(provinceId, { ...session, startsAt: at("2025-06-01") });
  const m2 = await createMeeting(provinceId, { ...session, kind: "COMMITTEE", startsAt: at("2025-06-08") });
  await db.attendance.createMany({
    data: [
      { meetingId: m1.id, agencyId: agencyA, mode: "HEAD" },
      { meetingId: m1.id, agencyId: agencyB, mode: "ABSENT" },
      { meetingId: m2.id, agencyId: agencyA, mode: "REPRESENTATIVE" },
    ],
  });
  const banking = await db.obstacleCategory.findUniqueOrThrow({ where: { code: "BANKING" } });
  const energy = await db.obstacleCategory.findUniqueOrThrow({ where: { code: "ENERGY" } });
  const obstacle = (unit: typeof u1, categoryId: string) =>
    createObstacle(unit, { categoryId, description: "مانع", status: "DECIDED" });
  const bankingObstacle = await obstacle(u1, banking.id);
  const energyObstacle = await obstacle(u2, energy.id);
  await obstacle(u2, banking.id);

  type Row = {
    key: string;
    agency: string;
    deadline: string;
    status: "ISSUED" | "IN_PROGRESS" | "DONE_REPORTED" | "VERIFIED" | "CANCELLED";
    done?: string;
    verified?: string;
    meeting?: string;
    obstacle?: string;
  };
  const rows: Row[] = [
    {
      key: "overdue9",
      agency: agencyA,
      deadline: "2025-07-01",
      status: "ISSUED",
      obstacle: bankingObstacle.id,
    },
    {
      key: "overdue1",
      agency: agencyB,
      deadline: "2025-07-09",
      status: "IN_PROGRESS",
      obstacle: energyObstacle.id,
    },
    { key: "dueToday", agency: agencyA, deadline: TODAY, status: "ISSUED" },
    { key: "dueIn7", agency: agencyA, deadline: "2025-07-17", status: "IN_PROGRESS", meeting: m2.id },
    { key: "dueIn8", agency: agencyA, deadline: "2025-07-18", status: "ISSUED" },
    {
      key: "doneLate2",
      agency: agencyA,
      deadline: "2025-07-01",
      status: "DONE_REPORTED",
      done: "2025-07-03",
    },
    { key: "cancelled", agency: agencyA, deadline: "2025-07-01", status: "CANCELLED" },
    {
      key: "verifiedTir",
      agency: agencyA,
      deadline: "2025-07-05",
      status: "VERIFIED",
      done: "2025-07-04",
      verified: "2025-07-06",
    },
    {
      key: "verifiedKhordad",
      agency: agencyA,
      deadline: "2025-06-20",
      status: "VERIFIED",
      done: "2025-06-19",
      verified: "2025-06-21",
    },
    // Deadline extended from 07-05 to 07-20: reported on 07-08, on time against the new deadline.
    { key: "extended", agency: agencyB, deadline: "2025-07-20", status: "DONE_REPORTED", done: "2025-07-08" },
  ];
  for (const r of rows) {
    const created = await createResolution(
      { provinceId, meetingId: r.meeting ?? m1.id, unitId: u1.id, responsibleAgencyId: r.agency },
      {
        text: r.key,
        deadline: r.deadline,
        status: r.status,
        createdAt: at(r.meeting ? "2025-06-08" : "2025-06-01"),
        doneReportedAt: r.done ? at(r.done) : null,
        verifiedAt: r.verified ? at(r.verified) : null,
        obstacleIds: r.obstacle ? [r.obstacle] : [],
      },
    );
    ids[r.key] = created.id;
  }
  await db.extensionRequest.create({
    data: {
      resolutionId: ids.extended ?? "",
      previousDeadline: d("2025-07-05"),
      requestedDeadline: d("2025-07-20"),
      reason: "تأخیر در تأمین اعتبار",
      status: "APPROVED",
    },
  });

  // Returned to production: u1 in Tir, u2 in Khordad; u3 went the other way and does not count.
  await db.unitStatusChange.createMany({
    data: [
      { unitId: u1.id, fromStatus: "IDLE", toStatus: "ACTIVE", changedOn: d("2025-07-02") },
      { unitId: u2.id, fromStatus: "SEMI_ACTIVE", toStatus: "ACTIVE", changedOn: d("2025-06-10") },
      { unitId: u3.id, fromStatus: "ACTIVE", toStatus: "IDLE", changedOn: d("2025-07-03") },
    ],
  });
});

describe("headline figures", () => {
  it("counts open, overdue (deadline today is not), due within 7 days and verified this Jalali month", async () => {
    expect(await resolutionFigures(secretariat, {}, TODAY)).toEqual({
      open: 5,
      overdue: 2,
      dueSoon: 2,
      verifiedThisMonth: 1,
    });
  });

  it("applies the filters: body, agency, session period, sector", async () => {
    expect(await resolutionFigures(secretariat, { body: "COMMITTEE" }, TODAY)).toEqual({
      open: 1,
      overdue: 0,
      dueSoon: 1,
      verifiedThisMonth: 0,
    });
    expect(await resolutionFigures(secretariat, { agency: agencyB }, TODAY)).toEqual({
      open: 1,
      overdue: 1,
      dueSoon: 0,
      verifiedThisMonth: 0,
    });
    expect(await resolutionFigures(secretariat, { from: "2025-06-05", to: "2025-06-30" }, TODAY)).toEqual({
      open: 1,
      overdue: 0,
      dueSoon: 1,
      verifiedThisMonth: 0,
    });
    expect(await resolutionFigures(secretariat, { sector: "AGRICULTURAL" }, TODAY)).toEqual({
      open: 0,
      overdue: 0,
      dueSoon: 0,
      verifiedThisMonth: 0,
    });
  });

  it("lists overdue resolutions most days late first", async () => {
    const overdue = await overdueResolutionIds(secretariat, {}, {}, TODAY);
    expect(overdue).toEqual([ids.overdue9, ids.overdue1]);
    const deadlines = await db.resolution.findMany({
      where: { id: { in: overdue } },
      orderBy: { deadline: "asc" },
    });
    expect(deadlines.map((r) => daysUntil(r.deadline, TODAY))).toEqual([-9, -1]);
  });

  it("counts the same overdue resolutions as the register's overdueWhere (SQL and Prisma twins)", async () => {
    // The fixture mixes open, done, verified and cancelled resolutions around TODAY, including
    // a deadline of today (due, not overdue), so a drift in either definition shows here.
    const prisma = await db.resolution.findMany({
      where: { provinceId: secretariat.provinceId ?? "", ...overdueWhere(TODAY) },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    expect(prisma).toHaveLength(2);
    const sql = await overdueResolutionIds(secretariat, {}, { take: 1000 }, TODAY);
    expect([...sql].sort()).toEqual(prisma.map((r) => r.id).sort());
    expect((await resolutionFigures(secretariat, {}, TODAY)).overdue).toBe(prisma.length);
    const scorecard = await agencyScorecard(secretariat, {}, "onTime", TODAY);
    expect(scorecard.reduce((sum, r) => sum + r.overdueNow, 0)).toBe(prisma.length);
  });

  it("refuses members and agency users", async () => {
    const member = await createActor(["MEMBER"], { provinceId: secretariat.provinceId });
    await expect(resolutionFigures(member, {}, TODAY)).rejects.toThrow(/forbidden/);
    const agencyUser = await createActor(["AGENCY"], {
      provinceId: secretariat.provinceId,
      agencyId: agencyA,
    });
    await expect(agencyScorecard(agencyUser, {}, "onTime", TODAY)).rejects.toThrow(/forbidden/);
  });

  it("keeps other provinces out", async () => {
    const elsewhere = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
    expect(await resolutionFigures(elsewhere, {}, TODAY)).toEqual({
      open: 0,
      overdue: 0,
      dueSoon: 0,
      verifiedThisMonth: 0,
    });
    expect(await agencyScorecard(elsewhere, {}, "onTime", TODAY)).toEqual([]);
  });
});

describe("agency scorecard", () => {
  it("computes issued, on-time rate, overdue now, average days late, extensions and attendance", async () => {
    const rows = await agencyScorecard(secretariat, {}, "onTime", TODAY);
    expect(rows).toEqual([
      // A: 7 issued (cancelled excluded); due = overdue9, doneLate2, verifiedTir, verifiedKhordad; 2 on time.
      {
        agencyId: agencyA,
        nameFa: "دستگاه الف",
        nameEn: "دستگاه الف",
        issued: 7,
        onTimePct: 50,
        overdueNow: 1,
        avgDaysLate: 5.5,
        extensionRequests: 0,
        sessionsExpected: 2,
        attendedHead: 1,
        attendedRepresentative: 1,
        absent: 0,
      },
      // B: overdue1 (late 1 day) and the extended one, on time against its new deadline.
      {
        agencyId: agencyB,
        nameFa: "دستگاه ب",
        nameEn: "دستگاه ب",
        issued: 2,
        onTimePct: 50,
        overdueNow: 1,
        avgDaysLate: 1,
        extensionRequests: 1,
        sessionsExpected: 1,
        attendedHead: 0,
        attendedRepresentative: 0,
        absent: 1,
      },
    ]);
  });

  it("sorts by the chosen column", async () => {
    expect((await agencyScorecard(secretariat, {}, "absent", TODAY)).map((r) => r.agencyId)).toEqual([
      agencyB,
      agencyA,
    ]);
    expect((await agencyScorecard(secretariat, {}, "issued", TODAY)).map((r) => r.agencyId)).toEqual([
      agencyA,
      agencyB,
    ]);
  });
});

describe("charts and impact", () => {
  it("counts issued and verified per Jalali month", async () => {
    const months = await monthlyIssuedVerified(secretariat, {}, 3, TODAY);
    expect(months.map((m) => [m.year, m.month, m.issued, m.verified])).toEqual([
      [1404, 2, 0, 0],
      [1404, 3, 10, 1],
      [1404, 4, 0, 1],
    ]);
    expect(months[2]?.start).toBe("2025-06-22");
  });

  it("counts overdue resolutions by obstacle category, and obstacles by category and sector", async () => {
    expect((await overdueByCategory(secretariat, {}, TODAY)).map((r) => [r.code, r.count])).toEqual([
      ["BANKING", 1],
      ["ENERGY", 1],
    ]);
    expect((await obstaclesByCategoryAndSector(secretariat)).map((r) => [r.code, r.sector, r.count])).toEqual(
      [
        ["BANKING", "INDUSTRIAL", 1],
        ["BANKING", "AGRICULTURAL", 1],
        ["ENERGY", "AGRICULTURAL", 1],
      ],
    );
  });

  it("counts units returned to production with the jobs kept and created, per month", async () => {
    // u1's return (Tir) follows its first resolution (06-01); u2 was active again before the
    // working group decided anything about it, so it is not the working group's return (#36).
    const { perMonth, total } = await unitsReturnedToProduction(secretariat, {}, 2, TODAY);
    // u1 had 40 employees when registered and still has: 40 jobs kept, none created.
    expect(perMonth.map((m) => [m.month, m.units, m.kept, m.created])).toEqual([
      [3, 0, 0, 0],
      [4, 1, 40, 0],
    ]);
    expect(total).toEqual({ units: 1, kept: 40, created: 0 });
    expect(
      (await unitsReturnedToProduction(secretariat, { sector: "AGRICULTURAL" }, 2, TODAY)).total,
    ).toEqual({ units: 0, kept: 0, created: 0 });
  });
});

describe("public figures", () => {
  it("counts sessions held, units reviewed, resolutions and their completion, units returned — no names", async () => {
    const provinceId = secretariat.provinceId ?? "";
    const meetings = await db.meeting.findMany({ where: { provinceId }, select: { id: true } });
    const unit = await db.productionUnit.findFirstOrThrow({ where: { provinceId, name: "واحد یک" } });
    await db.agendaItem.create({ data: { meetingId: meetings[0]?.id ?? "", unitId: unit.id, position: 1 } });
    const figures = await publicFigures({ provinceIds: [provinceId], now: new Date("2025-07-10T12:00:00Z") });
    // 10 resolutions, one cancelled; verified: verifiedTir, verifiedKhordad; reported done but
    // not verified: doneLate2, extended (shown apart, not counted as carried out).
    expect(figures).toEqual({
      sessions: 2,
      unitsReviewed: 1,
      resolutions: 9,
      completed: 2,
      reportedDone: 2,
      completionPct: 22,
      // u2's return preceded any resolution about it (issue #36): only u1 counts.
      unitsReturned: 1,
      jobsKept: 40,
      jobsCreated: 0,
    });
    expect(Object.values(figures).every((v) => typeof v === "number")).toBe(true);
  });
});

describe("public figures switch", () => {
  it("only the admin switches it, and the change is audited", async () => {
    const admin = await createActor(["ADMIN"], { provinceId: secretariat.provinceId });
    expect(await setPublicFigures(secretariat, { enabled: "true", version: 0 }, t)).toEqual({
      ok: false,
      message: "شما اجازه دسترسی به این بخش را ندارید.",
    });
    expect(await setPublicFigures(admin, { enabled: "maybe", version: 0 }, t)).toMatchObject({ ok: false });
    expect(await setPublicFigures(admin, { enabled: "true", version: 0 }, t)).toEqual({
      ok: true,
      message: "صفحه عمومی آمار فعال شد.",
    });
    const provinceId = secretariat.provinceId ?? "";
    expect(await publicFiguresEnabled(provinceId)).toBe(true);
    // A provincial admin publishes only their own province.
    const scope = await publicFiguresScope();
    expect(scope.all ? [] : scope.provinceIds).toContain(provinceId);
    expect(await publicFiguresEnabled(null)).toBe(false);
    expect(await setPublicFigures(admin, { enabled: "false", version: 1 }, t)).toMatchObject({ ok: true });
    expect(await publicFiguresEnabled(provinceId)).toBe(false);
    expect(await db.auditEvent.count({ where: { actorId: admin.id, entityType: "AppSetting" } })).toBe(2);
  });
});
