// Issue #36: what the working group achieved. Every figure is read back from PostgreSQL with
// SQL of the test's own and compared with what the queries, the page and the export show.
import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import { addDays, calendarDate, formatNumber, todayInTehran } from "@/lib/i18n/format";
import { reportProgress } from "@/lib/resolutions/mutations";
import { addMilestone, closeCase, setApprovedAmount } from "@/lib/outcomes/mutations";
import {
  moneyByBank,
  moved,
  returnsFigures,
  returnsToProduction,
  stalledFigure,
  sumMoney,
} from "@/lib/outcomes/queries";
import { ReturnsTables } from "@/components/outcomes/returns-tables";
import { moneyXlsx, returnsXlsx } from "@/lib/outcomes/export";
import { progressOfRow, PROGRESS_SELECT } from "@/lib/outcomes/progress";
import { changeUnitStatus } from "@/lib/units/mutations";
import { loadDashboard, loadOutcomes } from "@/lib/dashboard/queries";
import { publicFigures } from "@/lib/dashboard/public";
import { OutcomesDashboard } from "@/components/outcomes/outcomes-dashboard";
import { provinceScenario, type Scenario } from "../support/scenario";
import { createMeeting, createObstacle, createResolution, createUnit, t } from "../support/fixtures";
import { absenceLetter, attendanceTrend, headsMissing } from "@/lib/outcomes/attendance";

const TODAY = todayInTehran();
const BILLION = 1_000_000_000n;
type TestActor = Awaited<ReturnType<Scenario["person"]>>;

let s: Scenario;
let bank: TestActor;
let other: TestActor;
let resolutionId: string;
let unitId: string;

const version = async (id: string) =>
  (await db.resolution.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

beforeAll(async () => {
  s = await provinceScenario({ agencies: 1, session: { status: "HELD" }, unit: "کارخانه ریسندگی" });
  unitId = s.unitId ?? "";
  await db.productionUnit.update({
    where: { id: unitId },
    data: { status: "IDLE", employees: 60, employeesAtRegistration: 40 },
  });
  bank = await s.person(["AGENCY"], { agencyId: s.banks[0] });
  other = await s.person(["AGENCY"], { agencyId: s.agencies[0] });
  const obstacle = await createObstacle(
    { id: unitId, provinceId: s.provinceId },
    { categoryId: s.categoryId, amountRials: 30n * BILLION },
  );
  await db.obstacle.update({ where: { id: obstacle.id }, data: { moneyKind: "RESCHEDULING" } });
  const r = await createResolution(
    { provinceId: s.provinceId, meetingId: s.sessionId ?? "", unitId, responsibleAgencyId: s.banks[0] ?? "" },
    { obstacleIds: [obstacle.id], deadline: addDays(TODAY, 60) },
  );
  resolutionId = r.id;
});

describe("milestones and progress", () => {
  it("the secretariat adds steps; an agency may not", async () => {
    for (const [title, due] of [
      ["ارائه مدارک به بانک", addDays(TODAY, 10)],
      ["تصویب در کمیته اعتباری", addDays(TODAY, 30)],
    ] as const) {
      const answer = await addMilestone(
        s.secretariat,
        { id: resolutionId, version: await version(resolutionId), title, dueOn: toJalali(due) },
        t,
      );
      expect(answer).toMatchObject({ ok: true });
    }
    expect(
      await addMilestone(
        bank,
        { id: resolutionId, version: await version(resolutionId), title: "گام", dueOn: toJalali(TODAY) },
        t,
      ),
    ).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await db.resolutionMilestone.count({ where: { resolutionId } })).toBe(2);
  });

  it("a bank reports «۲۵ میلیارد» rescheduled with a step ticked; progress is the share of steps done", async () => {
    const [first] = await db.resolutionMilestone.findMany({
      where: { resolutionId },
      orderBy: { position: "asc" },
    });
    const answer = await reportProgress(
      bank,
      {
        id: resolutionId,
        version: await version(resolutionId),
        note: "اقساط معوق یک‌ساله امهال شد.",
        toStatus: "IN_PROGRESS",
        progressPct: "۴۰",
        moneyMovement: "RESCHEDULED",
        amount: "۲۵ میلیارد",
        moneyOn: "",
        [`done:${first?.id}`]: "on",
      },
      [],
      t,
    );
    expect(answer).toMatchObject({ ok: true });
    const report = await db.progressReport.findFirstOrThrow({ where: { resolutionId } });
    expect(report).toMatchObject({
      moneyMovement: "RESCHEDULED",
      amountRials: 25n * BILLION,
      progressPct: 40,
    });
    expect(report.moneyOn?.toISOString().slice(0, 10)).toBe(TODAY);
    // Progress from the database: steps done over steps.
    const [counted] = await db.$queryRaw<{ done: number; total: number }[]>`
      select count(*) filter (where "doneAt" is not null)::int as done, count(*)::int as total
      from "ResolutionMilestone" where "resolutionId" = ${resolutionId}`;
    expect([counted?.done, counted?.total]).toEqual([1, 2]);
    const row = await db.resolution.findUniqueOrThrow({
      where: { id: resolutionId },
      select: { status: true, ...PROGRESS_SELECT },
    });
    expect(progressOfRow(row)).toEqual({ pct: 50, done: 1, total: 2, stated: 40 });
  });

  it("refuses money from an agency that is not a bank, and an amount in words; nothing is written", async () => {
    const r = await createResolution({
      provinceId: s.provinceId,
      meetingId: s.sessionId ?? "",
      unitId,
      responsibleAgencyId: s.agencies[0] ?? "",
    });
    const before = await db.progressReport.count({ where: { resolutionId: r.id } });
    const notBank = await reportProgress(
      other,
      {
        id: r.id,
        version: 1,
        note: "پرداخت انجام شد برای آزمون.",
        toStatus: "IN_PROGRESS",
        moneyMovement: "RELEASED",
        amount: "10 میلیارد",
      },
      [],
      t,
    );
    expect(notBank).toMatchObject({ ok: false, fieldErrors: { moneyMovement: [t("outcomes.v.bankOnly")] } });
    const words = await reportProgress(
      bank,
      {
        id: resolutionId,
        version: await version(resolutionId),
        note: "پرداخت انجام شد برای آزمون.",
        toStatus: "IN_PROGRESS",
        moneyMovement: "RELEASED",
        amount: "بیست میلیارد",
      },
      [],
      t,
    );
    expect(words).toMatchObject({ ok: false, fieldErrors: { amount: [t("outcomes.v.amount.words")] } });
    const noAmount = await reportProgress(
      bank,
      {
        id: resolutionId,
        version: await version(resolutionId),
        note: "پرداخت انجام شد برای آزمون.",
        toStatus: "IN_PROGRESS",
        moneyMovement: "RELEASED",
      },
      [],
      t,
    );
    expect(noAmount).toMatchObject({ ok: false, fieldErrors: { amount: [t("outcomes.v.amountRequired")] } });
    expect(await db.progressReport.count({ where: { resolutionId: r.id } })).toBe(before);
  });
});

describe("money per bank per month", () => {
  it("equals SQL over the rows, on the page and in the export", async () => {
    expect(
      await setApprovedAmount(
        s.secretariat,
        { id: resolutionId, version: await version(resolutionId), amount: "۲۸٬۰۰۰٬۰۰۰٬۰۰۰" },
        t,
      ),
    ).toMatchObject({ ok: true });
    const { rows } = await moneyByBank(s.secretariat, 12, TODAY);
    const bankTotal = sumMoney(rows, (r) => r.agencyId).get(s.banks[0] ?? "");
    // The database's own sums for this bank: obstacles asked, amounts approved, money moved.
    const [sql] = await db.$queryRaw<{ requested: bigint; approved: bigint; rescheduled: bigint }[]>`
      select
        (select sum(o."amountRials") from "Obstacle" o where o.id in (
          select ro."obstacleId" from "ResolutionObstacle" ro join "Resolution" r on r.id = ro."resolutionId"
          where r."responsibleAgencyId" = ${s.banks[0]} and r.status <> 'CANCELLED')) as requested,
        (select sum(r."approvedAmountRials") from "Resolution" r where r."responsibleAgencyId" = ${s.banks[0]}) as approved,
        (select sum(p."amountRials") from "ProgressReport" p join "Resolution" r on r.id = p."resolutionId"
          where r."responsibleAgencyId" = ${s.banks[0]} and p."moneyMovement" = 'RESCHEDULED') as rescheduled`;
    expect(bankTotal).toMatchObject({
      requested: BigInt(sql?.requested ?? 0),
      approved: BigInt(sql?.approved ?? 0),
      rescheduled: BigInt(sql?.rescheduled ?? 0),
    });
    expect(bankTotal).toMatchObject({
      requested: 30n * BILLION,
      approved: 28n * BILLION,
      rescheduled: 25n * BILLION,
    });
    // All of it in this month: the last of the twelve.
    expect(rows.filter((r) => r.agencyId === s.banks[0]).map((r) => r.month)).toEqual([11]);

    // The page: the bank's row shows the same figures, in Persian digits.
    const data = await loadOutcomes(s.secretariat, TODAY);
    const html = renderToStaticMarkup(
      OutcomesDashboard({
        money: data.money,
        returns: data.returns,
        national: false,
        exportable: true,
        t,
        locale: "fa",
      }),
    );
    const rowHtml = html.slice(html.indexOf(`data-bank="${s.banks[0]}"`));
    const cells = rowHtml.slice(0, rowHtml.indexOf("</tr>"));
    for (const v of [30n * BILLION, 28n * BILLION, 25n * BILLION])
      expect(cells).toContain(formatNumber(v, "fa"));

    // The export: the same row, with numbers a spreadsheet can sum.
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await moneyXlsx(s.secretariat, "fa", t, TODAY)).bytes.buffer);
    const sheet = book.worksheets[0];
    const values = (sheet?.getRow(2).values as unknown[]).filter((v) => v !== undefined && v !== null);
    expect(values).toEqual(
      expect.arrayContaining([
        30_000_000_000,
        28_000_000_000,
        25_000_000_000,
        Number(bankTotal ? moved(bankTotal) : -1),
      ]),
    );
  });
});

describe("units back in production", () => {
  it("counts a return after the unit's first resolution, with its cause and jobs; not one before", async () => {
    expect(
      await changeUnitStatus(
        s.secretariat,
        { id: unitId, toStatus: "ACTIVE", changedOn: toJalali(TODAY), cause: "BANK_REPORT" },
        t,
      ),
    ).toMatchObject({ ok: true });
    // Another unit back in production without any resolution: not the working group's return.
    const elsewhere = await createUnit(s.provinceId, {
      countyId: s.countyId,
      name: "واحد بی‌مصوبه",
      status: "IDLE",
    });
    await changeUnitStatus(
      s.secretariat,
      { id: elsewhere.id, toStatus: "ACTIVE", changedOn: toJalali(TODAY) },
      t,
    );

    const change = await db.unitStatusChange.findFirstOrThrow({ where: { unitId, toStatus: "ACTIVE" } });
    expect(change.cause).toBe("BANK_REPORT");
    const returns = await returnsToProduction(s.secretariat, 12, TODAY);
    const [sql] = await db.$queryRaw<{ units: number }[]>`
      select count(distinct h."unitId")::int as units from "UnitStatusChange" h
      join "ProductionUnit" u on u.id = h."unitId"
      where u."provinceId" = ${s.provinceId} and h."fromStatus" in ('IDLE', 'SEMI_ACTIVE') and h."toStatus" = 'ACTIVE'
        and exists (select 1 from "Resolution" r where r."unitId" = h."unitId" and r.status <> 'CANCELLED'
                    and (r."createdAt" at time zone 'Asia/Tehran')::date <= h."changedOn")`;
    expect(returns.total.units).toBe(sql?.units);
    // 40 employees at registration, 60 now: 40 kept, 20 created.
    expect(returns.total).toEqual({ units: 1, kept: 40, created: 20 });
    expect(returns.months.at(-1)).toMatchObject({ units: 1, kept: 40, created: 20 });
    expect(returns.byCategory).toEqual([expect.objectContaining({ units: 1, kept: 40, created: 20 })]);
    const figures = await publicFigures({ provinceIds: [s.provinceId] });
    // The public page's headline and the dashboard's count jobs as the outcome tables do
    // (employees then and now), not the units' current headcount (decision 243).
    expect(figures).toMatchObject({ unitsReturned: 1, jobsKept: 40, jobsCreated: 20 });
    const data = await loadDashboard(s.secretariat, {}, "onTime", TODAY);
    expect(data.impact.total).toEqual({ units: 1, kept: 40, created: 20 });
    expect(data.impact.perMonth.at(-1)).toMatchObject({ units: 1, kept: 40, created: 20 });
  });

  it("the public figures page shows the same returns and jobs by month and category as SQL over the rows", async () => {
    // The test's own SQL: each unit's first return from idle or semi-active to active on or
    // after its first (not cancelled) resolution; jobs kept = min(then, now), created = now − then.
    const rows = await db.$queryRaw<
      { unitId: string; changedOn: Date; employees: number | null; atRegistration: number | null }[]
    >`
      select distinct on (h."unitId") h."unitId" as "unitId", h."changedOn" as "changedOn",
        u.employees, u."employeesAtRegistration" as "atRegistration"
      from "UnitStatusChange" h join "ProductionUnit" u on u.id = h."unitId"
      where u."provinceId" = ${s.provinceId} and h."fromStatus" in ('IDLE', 'SEMI_ACTIVE') and h."toStatus" = 'ACTIVE'
        and h."changedOn" >= (select min((r."createdAt" at time zone 'Asia/Tehran')::date) from "Resolution" r
                              where r."unitId" = h."unitId" and r.status <> 'CANCELLED')
      order by h."unitId", h."changedOn", h."createdAt"`;
    const jobs = (r: (typeof rows)[number]) => {
      const now = r.employees ?? 0;
      const then = r.atRegistration ?? r.employees ?? 0;
      return {
        kept: r.atRegistration === null ? now : Math.min(then, now),
        created: Math.max(now - then, 0),
      };
    };
    const categories = await db.$queryRaw<{ unitId: string; code: string }[]>`
      select distinct o."unitId" as "unitId", c.code from "Obstacle" o
      join "ObstacleCategory" c on c.id = o."categoryId" where o."provinceId" = ${s.provinceId}`;
    const expectedByCategory = new Map<string, { units: number; kept: number; created: number }>();
    for (const r of rows)
      for (const c of categories.filter((x) => x.unitId === r.unitId)) {
        const acc = expectedByCategory.get(c.code) ?? { units: 0, kept: 0, created: 0 };
        const j = jobs(r);
        expectedByCategory.set(c.code, {
          units: acc.units + 1,
          kept: acc.kept + j.kept,
          created: acc.created + j.created,
        });
      }
    expect(rows.length).toBeGreaterThan(0);

    // What the public page reads, for the province published.
    const returns = await returnsFigures([s.provinceId], 12, TODAY);
    expect(
      Object.fromEntries(
        returns.byCategory.map((c) => [c.code, { units: c.units, kept: c.kept, created: c.created }]),
      ),
    ).toEqual(Object.fromEntries(expectedByCategory));
    const thisMonth = returns.months.at(-1);
    const inMonth = rows.filter((r) => {
      const day = r.changedOn.toISOString().slice(0, 10);
      return thisMonth && day >= thisMonth.start && day < thisMonth.end;
    });
    expect(thisMonth).toMatchObject({
      units: inMonth.length,
      kept: inMonth.reduce((a, r) => a + jobs(r).kept, 0),
      created: inMonth.reduce((a, r) => a + jobs(r).created, 0),
    });
    // The same as the dashboard's (one query behind both).
    const dashboard = await returnsToProduction(s.secretariat, 12, TODAY);
    expect(returns.months).toEqual(dashboard.months);
    expect(returns.byCategory).toEqual(dashboard.byCategory);

    // The page's tables show those numbers, in Persian digits, in the category's row.
    const html = renderToStaticMarkup(ReturnsTables({ returns, t, locale: "fa" }));
    const category = await db.obstacleCategory.findUniqueOrThrow({ where: { id: s.categoryId } });
    const byCategory = html.slice(html.indexOf('data-testid="public-returns-by-category"'));
    const row = byCategory.slice(byCategory.indexOf(category.nameFa));
    const cells = row.slice(0, row.indexOf("</tr>"));
    const expected = expectedByCategory.get(category.code);
    for (const v of [expected?.units ?? -1, expected?.kept ?? -1, expected?.created ?? -1])
      expect(cells).toContain(`>${formatNumber(v, "fa")}<`);
    expect(html).toContain('data-testid="public-returns-by-month"');

    // The export: the category's row and this month's, with numbers a spreadsheet can sum.
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await returnsXlsx(s.secretariat, "fa", t, TODAY)).bytes.buffer);
    const sheet = book.worksheets[0];
    const sheetRows: unknown[][] = [];
    sheet?.eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1)));
    expect(
      sheetRows.find((r) => r[0] === t("outcomes.dashboard.category") && r[1] === category.nameFa),
    ).toEqual([
      t("outcomes.dashboard.category"),
      category.nameFa,
      expected?.units,
      expected?.kept,
      expected?.created,
    ]);
    const monthRows = sheetRows.filter((r) => r[0] === t("outcomes.dashboard.month"));
    expect(monthRows).toHaveLength(12);
    expect(monthRows.at(-1)?.slice(2)).toEqual([
      inMonth.length,
      inMonth.reduce((a, r) => a + jobs(r).kept, 0),
      inMonth.reduce((a, r) => a + jobs(r).created, 0),
    ]);
  });
});

describe("how a case ended", () => {
  it("closes with its outcome; refuses «producing» for an idle unit and «not possible» without a reason", async () => {
    const idle = await createUnit(s.provinceId, { countyId: s.countyId, name: "واحد راکد", status: "IDLE" });
    expect(
      await closeCase(s.secretariat, { unitId: idle.id, outcome: "RESOLVED_PRODUCING" }, t),
    ).toMatchObject({
      ok: false,
      fieldErrors: { outcome: [t("outcomes.closure.notProducing")] },
    });
    expect(
      await closeCase(s.secretariat, { unitId: idle.id, outcome: "NOT_POSSIBLE", reason: "کوتاه" }, t),
    ).toMatchObject({ ok: false, fieldErrors: { reason: [t("resolutions.v.reasonMin")] } });
    expect(await closeCase(bank, { unitId: idle.id, outcome: "RESOLVED_IDLE" }, t)).toMatchObject({
      ok: false,
      message: t("errors.forbidden"),
    });
    expect(await db.caseClosure.count({ where: { unitId: idle.id } })).toBe(0);
    expect(await closeCase(s.secretariat, { unitId: idle.id, outcome: "RESOLVED_IDLE" }, t)).toMatchObject({
      ok: true,
    });
    // The unit that returned to production (above) closes as producing.
    expect(await closeCase(s.secretariat, { unitId, outcome: "RESOLVED_PRODUCING" }, t)).toMatchObject({
      ok: true,
    });
    const { closures } = await returnsToProduction(s.secretariat, 12, TODAY);
    const rows = await db.$queryRaw<{ outcome: string; n: number }[]>`
      select outcome::text, count(*)::int as n from "CaseClosure" where "provinceId" = ${s.provinceId} group by 1`;
    expect(closures).toEqual({
      RESOLVED_PRODUCING: rows.find((r) => r.outcome === "RESOLVED_PRODUCING")?.n ?? 0,
      RESOLVED_IDLE: rows.find((r) => r.outcome === "RESOLVED_IDLE")?.n ?? 0,
      NOT_POSSIBLE: 0,
    });
    expect(closures).toMatchObject({ RESOLVED_PRODUCING: 1, RESOLVED_IDLE: 1 });
  });
});

describe("stalled resolutions", () => {
  it("counts open resolutions without a report for the province's working days, apart from overdue", async () => {
    const old = new Date(`${addDays(TODAY, -40)}T08:00:00Z`);
    const at = {
      provinceId: s.provinceId,
      meetingId: s.sessionId ?? "",
      unitId,
      responsibleAgencyId: s.agencies[0] ?? "",
    };
    await createResolution(at, { createdAt: old, deadline: addDays(TODAY, 20) }); // stalled
    await createResolution(at, { createdAt: old, deadline: addDays(TODAY, -1) }); // overdue, not stalled
    await createResolution(at, { createdAt: new Date(), deadline: addDays(TODAY, 20) }); // fresh
    const stalled = await stalledFigure(s.secretariat, TODAY);
    expect(stalled.days).toBe(10);
    const [sql] = await db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from "Resolution" r
      where r."provinceId" = ${s.provinceId} and r.status in ('ISSUED', 'IN_PROGRESS') and r.deadline >= ${calendarDate(TODAY)}
        and (coalesce((select max(p."createdAt") from "ProgressReport" p where p."resolutionId" = r.id), r."createdAt")
             at time zone 'Asia/Tehran')::date <= ${calendarDate(stalled.since)}`;
    expect(stalled.count).toBe(sql?.n);
    expect(stalled.count).toBeGreaterThanOrEqual(1);
  });
});

describe("who came to the table", () => {
  it("names the agencies whose head missed 2 of the last 4 sessions, with a letter; the trend equals the rows", async () => {
    const [absentee, present] = [s.agencies[0] ?? "", s.banks[0] ?? ""];
    // Four more held sessions of the working group (its members: every agency of the scenario).
    const modes = ["HEAD", "ABSENT", "REPRESENTATIVE", null] as const;
    for (const [i, mode] of modes.entries()) {
      const m = await createMeeting(s.provinceId, {
        status: "HELD",
        startsAt: new Date(Date.UTC(2040, 0, 10 + i, 6)),
      });
      if (mode) await db.attendance.create({ data: { meetingId: m.id, agencyId: absentee, mode } });
      await db.attendance.create({ data: { meetingId: m.id, agencyId: present, mode: "HEAD" } });
    }
    const flagged = await headsMissing(s.chair);
    const mine = flagged.find((a) => a.agencyId === absentee);
    // The scenario's second bank, a member with nothing recorded, missed all four.
    expect(flagged.map((a) => [a.agencyId, a.missed])).toEqual([
      [s.banks[1], 4],
      [absentee, 3],
    ]);
    // Newest first: not recorded, a representative, absent, the head.
    expect(mine?.sessions.map((x) => x.mode)).toEqual(["NONE", "REPRESENTATIVE", "ABSENT", "HEAD"]);
    const [sql] = await db.$queryRaw<{ missed: number }[]>`
      select count(*)::int as missed from (
        select m.id, at.mode from "Meeting" m
        left join "Attendance" at on at."meetingId" = m.id and at."agencyId" = ${absentee}
        where m."provinceId" = ${s.provinceId} and m.status <> 'PLANNED'
        order by m."startsAt" desc limit 4) last
      where last.mode is distinct from 'HEAD'`;
    expect(mine?.missed).toBe(sql?.missed);
    const letter = await absenceLetter(s.chair, absentee);
    expect(letter).toMatchObject({ missed: 3, agency: { id: absentee } });
    expect(await absenceLetter(s.chair, present)).toBeNull();
    // The chair's list is the chair's: the secretariat reads the trend on the dashboard instead.
    await expect(headsMissing(s.secretariat)).rejects.toThrow();
    const trend = await attendanceTrend(s.secretariat, 6);
    expect(
      trend
        .get(present)
        ?.slice(0, 4)
        .map((x) => x.mode),
    ).toEqual(["HEAD", "HEAD", "HEAD", "HEAD"]);
  });
});

/** An ISO day as the Jalali "YYYY/MM/DD" a form sends. */
function toJalali(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}/${get("month")}/${get("day")}`;
}
