// Issue #36: what the working group achieved. Every figure is read back from PostgreSQL with
// SQL of the test's own and compared with what the queries, the page and the export show.
import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import { addDays, calendarDate, formatJalaliMonth, formatNumber, todayInTehran } from "@/lib/i18n/format";
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
import { jalaliMonths, loadDashboard, loadOutcomes } from "@/lib/dashboard/queries";
import { publicFigures } from "@/lib/dashboard/public";
import { OutcomesDashboard } from "@/components/outcomes/outcomes-dashboard";
import { provinceScenario, type Scenario } from "../support/scenario";
import { createMeeting, createObstacle, createResolution, createUnit, t } from "../support/fixtures";
import { absenceLetter, attendanceTrend, headsMissing, type Mode } from "@/lib/outcomes/attendance";
import { getResolutionDetail, listResolutions } from "@/lib/resolutions/queries";
import { writeResolutionsXlsx } from "@/lib/resolutions/export";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { agencyScorecard } from "@/lib/dashboard/queries";
import { scorecardXlsx } from "@/lib/dashboard/export";
import { ScorecardTable } from "@/components/dashboard/scorecard-table";

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

describe("progress on the register and in its export", () => {
  it("equals a recount from the milestone rows (or the stated share without steps; 100 once verified)", async () => {
    const at = {
      provinceId: s.provinceId,
      meetingId: s.sessionId ?? "",
      unitId,
      responsibleAgencyId: s.agencies[0] ?? "",
    };
    // Without steps, the agency's word: it states ۷۰, later ۶۰ (the newest counts), then
    // reports again without a figure (which changes nothing).
    const stated = await createResolution(at, {
      text: "پیشرفت اعلام‌شده بدون گام",
      deadline: addDays(TODAY, 30),
    });
    for (const pct of ["۷۰", "۶۰", ""])
      expect(
        await reportProgress(
          other,
          {
            id: stated.id,
            version: await version(stated.id),
            note: "بخشی از کار انجام شد.",
            toStatus: "IN_PROGRESS",
            progressPct: pct,
          },
          [],
          t,
        ),
      ).toMatchObject({ ok: true });
    // Verified with a step never ticked: verified is done.
    const verified = await createResolution(at, { text: "مصوبه تأییدشده با گام باز", status: "VERIFIED" });
    await db.resolutionMilestone.create({
      data: { resolutionId: verified.id, position: 1, title: "گام باز", dueOn: calendarDate(TODAY) },
    });

    // Three steps, one done: a third (not the share of steps left).
    const third = await createResolution(at, { text: "سه گام یکی انجام‌شده", deadline: addDays(TODAY, 30) });
    await db.resolutionMilestone.createMany({
      data: [1, 2, 3].map((position) => ({
        resolutionId: third.id,
        position,
        title: `گام ${position}`,
        dueOn: calendarDate(addDays(TODAY, 10 * position)),
        doneAt: position === 1 ? new Date() : null,
      })),
    });

    // The test's own count over the rows, per resolution of the province.
    const counted = await db.$queryRaw<
      { id: string; key: string; status: string; done: number; total: number; stated: number | null }[]
    >`
      select r.id, r.text || '|' || a."nameFa" as key, r.status::text as status,
        (select count(*) from "ResolutionMilestone" m where m."resolutionId" = r.id and m."doneAt" is not null)::int as done,
        (select count(*) from "ResolutionMilestone" m where m."resolutionId" = r.id)::int as total,
        (select p."progressPct" from "ProgressReport" p where p."resolutionId" = r.id and p."progressPct" is not null
         order by p."createdAt" desc limit 1) as stated
      from "Resolution" r join "Agency" a on a.id = r."responsibleAgencyId"
      where r."provinceId" = ${s.provinceId}`;
    const expected = new Map(
      counted.map((r) => [
        r.id,
        r.status === "VERIFIED" ? 100 : r.total > 0 ? Math.round((100 * r.done) / r.total) : r.stated,
      ]),
    );
    expect([resolutionId, stated.id, verified.id, third.id].map((id) => expected.get(id))).toEqual([
      50, 60, 100, 33,
    ]);
    expect([...expected.values()]).toContain(null);

    // The page: the register's rows, and the bar and figure each row renders.
    const { items } = await listResolutions(s.secretariat, {}, TODAY);
    expect(items.map((r) => r.id).sort()).toEqual([...expected.keys()].sort());
    expect(new Map(items.map((r) => [r.id, progressOfRow(r).pct]))).toEqual(expected);
    const html = renderToStaticMarkup(ResolutionTable({ items, locale: "fa", t, empty: "" }));
    for (const [id, pct] of expected) {
      const from = html.slice(html.indexOf(`href="/resolutions/${id}"`));
      const row = from.slice(0, from.indexOf("</tr>"));
      if (pct === null) expect(row).not.toContain('data-testid="progress"');
      else {
        expect(row).toContain(`value="${pct}"`);
        expect(row).toContain(
          `<span>${t("outcomes.progress.value", { pct: formatNumber(pct, "fa") })}</span>`,
        );
      }
    }

    // The resolution's page: its own read (every step, every report newest first).
    for (const [id, pct] of expected) {
      const detail = await getResolutionDetail(s.secretariat, id);
      expect(detail && progressOfRow(detail).pct).toBe(pct);
    }

    // The export: its progress column, a number per row (empty when nothing says).
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeResolutionsXlsx(s.secretariat, {}, "fa", t, TODAY)).buffer);
    const sheet = book.worksheets[0];
    const sheetRows: unknown[][] = [];
    sheet?.eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1)));
    const [header, ...body] = sheetRows;
    const col = header?.indexOf(t("outcomes.progress.label")) ?? -1;
    expect(col).toBeGreaterThan(0);
    // Rows are told apart by their text and agency (the sheet has no ids).
    const byKey = new Map(counted.map((r) => [r.key, expected.get(r.id)]));
    expect(byKey.size).toBe(counted.length);
    expect(body).toHaveLength(counted.length);
    expect(new Map(body.map((r) => [`${String(r[2])}|${String(r[3])}`, r[col] ?? null]))).toEqual(byKey);
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

describe("money per bank per month, over several months and banks", () => {
  it("the page's bank rows and chart and every row of the export equal SQL over the rows", async () => {
    const thisMonth = jalaliMonths(TODAY, 1)[0]?.start ?? TODAY;
    const secondBank = await s.person(["AGENCY"], { agencyId: s.banks[1] });
    const at = {
      provinceId: s.provinceId,
      meetingId: s.sessionId ?? "",
      unitId,
      responsibleAgencyId: s.banks[1] ?? "",
    };
    // The second bank: 12 billion asked, recorded about two months back and approved at 10;
    // 4 billion released last month.
    const asked = await createObstacle(
      { id: unitId, provinceId: s.provinceId },
      { categoryId: s.categoryId, amountRials: 12n * BILLION },
    );
    const r = await createResolution(at, {
      obstacleIds: [asked.id],
      deadline: addDays(TODAY, 60),
      createdAt: new Date(`${addDays(thisMonth, -40)}T08:00:00Z`),
    });
    expect(
      await setApprovedAmount(
        s.secretariat,
        { id: r.id, version: await version(r.id), amount: "۱۰ میلیارد" },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await reportProgress(
        secondBank,
        {
          id: r.id,
          version: await version(r.id),
          note: "تسهیلات جدید پرداخت شد.",
          toStatus: "IN_PROGRESS",
          moneyMovement: "RELEASED",
          amount: "4 میلیارد",
          moneyOn: toJalali(addDays(thisMonth, -3)),
        },
        [],
        t,
      ),
    ).toMatchObject({ ok: true });
    // A cancelled resolution of the same bank asks and approves nothing.
    const dropped = await createObstacle(
      { id: unitId, provinceId: s.provinceId },
      { categoryId: s.categoryId, amountRials: 7n * BILLION },
    );
    const cancelled = await createResolution(at, { obstacleIds: [dropped.id], status: "CANCELLED" });
    await db.resolution.update({ where: { id: cancelled.id }, data: { approvedAmountRials: 9n * BILLION } });

    // The test's own SQL: every amount with its bank and Tehran day, then summed per Jalali month.
    const events = await db.$queryRaw<{ bank: string; day: Date; kind: string; amount: bigint }[]>`
      select e.bank, e.day, e.kind, e.amount from (
        select r."responsibleAgencyId" as bank, min((r."createdAt" at time zone 'Asia/Tehran')::date) as day,
          'requested' as kind, o."amountRials" as amount
        from "Resolution" r join "ResolutionObstacle" ro on ro."resolutionId" = r.id
        join "Obstacle" o on o.id = ro."obstacleId"
        where r.status <> 'CANCELLED' and o."amountRials" is not null
        group by r."responsibleAgencyId", o.id
        union all
        select r."responsibleAgencyId", (r."createdAt" at time zone 'Asia/Tehran')::date, 'approved', r."approvedAmountRials"
        from "Resolution" r where r.status <> 'CANCELLED' and r."approvedAmountRials" is not null
        union all
        select r."responsibleAgencyId", p."moneyOn", lower(p."moneyMovement"::text), p."amountRials"
        from "ProgressReport" p join "Resolution" r on r.id = p."resolutionId" where p."moneyMovement" is not null
      ) e join "Agency" a on a.id = e.bank
      where a."provinceId" = ${s.provinceId} and a.kind = 'BANK'`;
    type Sums = {
      requested: bigint;
      approved: bigint;
      rescheduled: bigint;
      released: bigint;
      guaranteed: bigint;
    };
    const zero = (): Sums => ({ requested: 0n, approved: 0n, rescheduled: 0n, released: 0n, guaranteed: 0n });
    const yearMonth = (day: Date | string) =>
      toJalali(typeof day === "string" ? day : day.toISOString().slice(0, 10)).slice(0, 7);
    const expected = new Map<string, Sums>();
    for (const e of events) {
      const key = `${e.bank}|${yearMonth(e.day)}`;
      const sums = expected.get(key) ?? zero();
      sums[e.kind as keyof Sums] += BigInt(e.amount);
      expected.set(key, sums);
    }
    // Three months of the first bank's and the second's: not all in one month.
    expect(new Set([...expected.keys()].map((k) => k.split("|")[1])).size).toBe(3);

    // The query the page and the export read, row by row (bank and month).
    const { months, rows } = await moneyByBank(s.secretariat, 12, TODAY);
    const monthOf = (i: number) => yearMonth(months[i]?.start ?? "");
    expect(
      new Map(
        rows.map((r) => [
          `${r.agencyId}|${monthOf(r.month)}`,
          {
            requested: r.requested,
            approved: r.approved,
            rescheduled: r.rescheduled,
            released: r.released,
            guaranteed: r.guaranteed,
          },
        ]),
      ),
    ).toEqual(expected);

    const total = (pick: (key: string) => boolean) => {
      const out = zero();
      for (const [key, v] of expected)
        if (pick(key)) for (const k of Object.keys(out) as (keyof Sums)[]) out[k] += v[k];
      return out;
    };
    const figures = (v: Sums) => [v.requested, v.approved, v.rescheduled, v.released, v.guaranteed, moved(v)];

    // The page: each bank's row, the total, and the chart's table per month (in billions).
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
    const cellsAfter = (marker: string) => {
      const from = html.slice(html.indexOf(marker));
      const row = from.slice(0, from.indexOf("</tr>"));
      return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((x) => x[1]);
    };
    const fa = (vs: bigint[]) => vs.map((v) => formatNumber(v, "fa"));
    for (const bankId of [s.banks[0] ?? "", s.banks[1] ?? ""])
      expect(cellsAfter(`data-bank="${bankId}"`)).toEqual(
        fa(figures(total((k) => k.startsWith(`${bankId}|`)))),
      );
    expect(cellsAfter("<tfoot")).toEqual(fa(figures(total(() => true))));
    const chart = html.slice(
      html.indexOf(`<caption class="sr-only">${t("outcomes.dashboard.chart")}</caption>`),
    );
    for (const [i, m] of months.entries()) {
      const v = total((k) => k.endsWith(`|${monthOf(i)}`));
      const label = formatJalaliMonth(m.start, "fa");
      const from = chart.slice(chart.indexOf(`>${label}</th>`));
      const cells = [...from.slice(0, from.indexOf("</tr>")).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(
        (x) => x[1],
      );
      expect(cells).toEqual(
        [v.requested, v.approved, moved(v)].map((x) => formatNumber(Number(x / BILLION), "fa")),
      );
    }

    // The export (/api/reports/money): one row per bank and month, the same sums.
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await moneyXlsx(s.secretariat, "fa", t, TODAY)).bytes.buffer);
    const sheetRows: unknown[][] = [];
    book.worksheets[0]?.eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1)));
    const names = new Map(
      (await db.agency.findMany({ where: { id: { in: s.banks } } })).map((a) => [a.id, a.nameFa]),
    );
    const labels = new Map(months.map((m, i) => [monthOf(i), formatJalaliMonth(m.start, "fa")]));
    expect(new Set(sheetRows.slice(1).map((r) => JSON.stringify(r)))).toEqual(
      new Set(
        [...expected].map(([key, v]) => {
          const [bankId = "", month = ""] = key.split("|");
          return JSON.stringify([names.get(bankId), labels.get(month), ...figures(v).map(Number)]);
        }),
      ),
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
    await createResolution(at, { text: "راکد", createdAt: old, deadline: addDays(TODAY, 20) });
    await createResolution(at, { text: "معوق نه راکد", createdAt: old, deadline: addDays(TODAY, -1) });
    await createResolution(at, { text: "تازه", createdAt: new Date(), deadline: addDays(TODAY, 20) });
    const stalled = await stalledFigure(s.secretariat, TODAY);
    expect(stalled.days).toBe(10);
    const [sql] = await db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from "Resolution" r
      where r."provinceId" = ${s.provinceId} and r.status in ('ISSUED', 'IN_PROGRESS') and r.deadline >= ${calendarDate(TODAY)}
        and (coalesce((select max(p."createdAt") from "ProgressReport" p where p."resolutionId" = r.id), r."createdAt")
             at time zone 'Asia/Tehran')::date <= ${calendarDate(stalled.since)}`;
    expect(stalled.count).toBe(sql?.n);
    expect(stalled.count).toBeGreaterThanOrEqual(1);

    // The register's export flags the same resolutions.
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeResolutionsXlsx(s.secretariat, {}, "fa", t, TODAY)).buffer);
    const sheetRows: unknown[][] = [];
    book.worksheets[0]?.eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1)));
    const [header, ...body] = sheetRows;
    const col = header?.indexOf(t("outcomes.progress.stalled")) ?? -1;
    expect(col).toBeGreaterThan(0);
    expect(body.filter((r) => r[col] === t("common.yes"))).toHaveLength(stalled.count);
    const flag = (text: string) => body.find((r) => r[2] === text)?.[col];
    expect([flag("راکد"), flag("معوق نه راکد"), flag("تازه")]).toEqual([
      t("common.yes"),
      t("common.no"),
      t("common.no"),
    ]);
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

  it("the scorecard and its export show each agency's head attendance as the rows give it", async () => {
    // The test's own count over the rows: the province's held sessions, the agencies each
    // expected (its body's members, its invitees, anyone with a recorded row), how each came.
    const meetings = await db.meeting.findMany({
      where: { provinceId: s.provinceId, status: { not: "PLANNED" } },
      select: {
        id: true,
        startsAt: true,
        bodyId: true,
        invitees: { select: { agencyId: true } },
        attendances: { select: { agencyId: true, mode: true } },
      },
    });
    const members = await db.bodyMember.findMany({
      where: { bodyId: { in: meetings.map((m) => m.bodyId) } },
    });
    const per = new Map<string, { startsAt: Date; meetingId: string; mode: Mode }[]>();
    for (const m of meetings) {
      const expectedHere = new Set([
        ...members.filter((b) => b.bodyId === m.bodyId).map((b) => b.agencyId),
        ...m.invitees.map((i) => i.agencyId),
        ...m.attendances.map((a) => a.agencyId),
      ]);
      for (const agencyId of expectedHere) {
        const mode = m.attendances.find((a) => a.agencyId === agencyId)?.mode ?? "NONE";
        per.set(agencyId, [...(per.get(agencyId) ?? []), { startsAt: m.startsAt, meetingId: m.id, mode }]);
      }
    }
    const counts = (list: { mode: Mode }[]) => ({
      expected: list.length,
      head: list.filter((x) => x.mode === "HEAD").length,
      representative: list.filter((x) => x.mode === "REPRESENTATIVE").length,
      absent: list.filter((x) => x.mode === "ABSENT").length,
    });
    const [absentee, present] = [s.agencies[0] ?? "", s.banks[0] ?? ""];
    // The share of sessions its head came to, from the rows: the one figure the chair asks about.
    const share = (id: string) => {
      const c = counts(per.get(id) ?? []);
      return c.head / c.expected;
    };
    // Five held sessions each: the scenario's (nothing recorded) and the four above.
    expect(share(absentee)).toBe(1 / 5);
    expect(share(present)).toBe(4 / 5);
    expect(per.size).toBeGreaterThanOrEqual(3);
    const names = new Map(
      (await db.agency.findMany({ where: { id: { in: [...per.keys()] } } })).map((a) => [a.id, a.nameFa]),
    );

    // The page's data and the scorecard it renders, with the trend of the last 6 sessions.
    const scorecard = await agencyScorecard(s.secretariat, {}, "name", TODAY);
    const trend = await attendanceTrend(s.secretariat, 6);
    const html = renderToStaticMarkup(
      ScorecardTable({ rows: scorecard, sort: "name", trend, t, locale: "fa" }),
    );
    const n = (v: number) => formatNumber(v, "fa");
    for (const [agencyId, list] of per) {
      const c = counts(list);
      expect(scorecard.find((r) => r.agencyId === agencyId)).toMatchObject({
        sessionsExpected: c.expected,
        attendedHead: c.head,
        attendedRepresentative: c.representative,
        absent: c.absent,
      });
      const newest = [...list]
        .sort((x, y) => y.startsAt.getTime() - x.startsAt.getTime() || (x.meetingId < y.meetingId ? -1 : 1))
        .slice(0, 6)
        .map((x) => x.mode);
      expect(trend.get(agencyId)?.map((x) => x.mode)).toEqual(newest);
      const from = html.slice(html.indexOf(`>${names.get(agencyId)}</th>`));
      const row = from.slice(0, from.indexOf("</tr>"));
      const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((x) => x[1] ?? "");
      // Expected, head, representative, absent: the 6th to 9th figures after the name.
      expect(cells.slice(5, 9)).toEqual([n(c.expected), n(c.head), n(c.representative), n(c.absent)]);
      const symbols = [...(cells[9] ?? "").matchAll(/aria-hidden="true">([^<]*)</g)].map((x) => x[1]);
      expect(symbols).toEqual(newest.map((mode) => t(`outcomes.attendance.symbol.${mode}`)));
    }

    // The scorecard's spreadsheet (/api/reports/scorecard): the same counts, so the same shares.
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await scorecardXlsx(s.secretariat, { sort: "name" }, "fa", t)).bytes.buffer);
    const sheetRows: unknown[][] = [];
    book.worksheets[0]?.eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1)));
    const [header, ...body] = sheetRows;
    const col = (key: Parameters<typeof t>[0]) => header?.indexOf(t(key)) ?? -1;
    const [expectedCol, headCol, representativeCol, absentCol] = [
      col("dashboard.expected"),
      col("dashboard.head"),
      col("dashboard.representative"),
      col("dashboard.absent"),
    ];
    expect(Math.min(expectedCol, headCol, representativeCol, absentCol)).toBeGreaterThan(0);
    for (const [agencyId, list] of per) {
      const c = counts(list);
      const row = body.find((r) => r[0] === names.get(agencyId));
      expect([row?.[expectedCol], row?.[headCol], row?.[representativeCol], row?.[absentCol]]).toEqual([
        c.expected,
        c.head,
        c.representative,
        c.absent,
      ]);
      expect(Number(row?.[headCol]) / Number(row?.[expectedCol])).toBe(share(agencyId));
    }
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
