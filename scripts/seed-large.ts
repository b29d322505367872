// `npm run db:seed:large`: national-size data for benchmarks (decision 132): by default
// 31 provinces, 50,000 units, 200,000 resolutions and 1,000,000 progress reports, generated
// inside PostgreSQL with generate_series (seconds, not hours). Adds to the database in
// DATABASE_URL without touching other rows; ids are prefixed "lg" so a re-run replaces them.
// Sizes: UNITS, RESOLUTIONS, REPORTS environment variables. The *Normalized columns hold what
// normalizeText (lib/i18n/normalize.ts) makes of the names: no spaces, Latin digits.
//
// One province is big: every tenth unit (about 5,000 units and 20,000 resolutions by default)
// belongs to "Province 0" (lgp0), the rest is spread over the other 30, so a provincial user
// meets a province of real volume. Two bench accounts live there (their password is the demo
// one, copied from the demo seed when present): bench-secretariat@tashil.bench and
// bench-agency@tashil.bench (an agency user of lgp0's first agency). `npm run bench` signs in
// as them at national size.
import pg from "pg";

const UNITS = Number(process.env.UNITS ?? 50_000);
const RESOLUTIONS = Number(process.env.RESOLUTIONS ?? UNITS * 4);
const REPORTS = Number(process.env.REPORTS ?? RESOLUTIONS * 5);
const PROVINCES = 31;
const COUNTIES = 10; // per province
const AGENCIES = 20; // per province
const MEETINGS = 100; // per province: ten years of working-group and committee sessions

/** The province (0…PROVINCES-1) of unit number `i`, as SQL: a tenth of all units are lgp0's. */
const provinceOf = (i: string) => `(case when (${i}) % 10 = 0 then 0 else 1 + (${i}) % ${PROVINCES - 1} end)`;

export async function seedLarge(
  connectionString: string,
  sizes = { units: UNITS, resolutions: RESOLUTIONS, reports: REPORTS },
) {
  // Sizes are inlined as integer literals (several statements per query, no parameters).
  const units = Math.trunc(sizes.units);
  const resolutions = Math.trunc(sizes.resolutions);
  const reports = Math.trunc(sizes.reports);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const started = Date.now();
  const step = async (label: string, sql: string) => {
    const t0 = Date.now();
    await client.query(sql);
    console.log(`[seed:large] ${label} (${Date.now() - t0} ms)`);
  };
  try {
    await client.query("begin");
    await step(
      "clearing earlier large data",
      `
      delete from "User" where email like 'bench-%@tashil.bench';
      delete from "ResolutionMilestone" where id like 'lg%';
      delete from "ProgressReport" where id like 'lg%';
      delete from "ExtensionRequest" where id like 'lg%';
      delete from "ResolutionObstacle" where "resolutionId" like 'lg%';
      delete from "Resolution" where id like 'lg%';
      delete from "Attendance" where "meetingId" like 'lg%';
      delete from "Meeting" where id like 'lg%';
      delete from "Body" where id like 'lg%';
      delete from "UnitStatusChange" where id like 'lg%';
      delete from "Obstacle" where id like 'lg%';
      delete from "ProductionUnit" where id like 'lg%';
      delete from "Agency" where id like 'lg%';
      delete from "County" where id like 'lg%';
      delete from "Province" where id like 'lg%';`,
    );
    await step(
      "provinces, counties, agencies, bodies",
      `
      insert into "Province" (id, code, "nameFa", "nameEn")
        select 'lgp' || p, 'LG' || lpad(p::text, 2, '0'), 'استان ' || p, 'Province ' || p from generate_series(0, ${PROVINCES - 1}) p;
      insert into "County" (id, "provinceId", "nameFa", "nameEn")
        select 'lgc' || p || '-' || c, 'lgp' || p, 'شهرستان ' || c, 'County ' || c from generate_series(0, ${PROVINCES - 1}) p, generate_series(0, ${COUNTIES - 1}) c;
      insert into "Agency" (id, "provinceId", kind, "nameFa", "nameEn", "nameNormalized", "updatedAt")
        select 'lga' || p || '-' || a, 'lgp' || p, (array['GOVERNMENT','BANK','COMPANY','OTHER'])[1 + a % 4]::"AgencyKind",
          'دستگاه ' || a, 'Agency ' || a, 'دستگاه' || a, now()
        from generate_series(0, ${PROVINCES - 1}) p, generate_series(0, ${AGENCIES - 1}) a;
      insert into "Body" (id, "provinceId", kind, "nameFa", "nameEn")
        select 'lgb' || p || '-' || k, 'lgp' || p, k::"BodyKind", 'مرجع', 'Body'
        from generate_series(0, ${PROVINCES - 1}) p, unnest(array['WORKING_GROUP','COMMITTEE']) k;
      insert into "Meeting" (id, "provinceId", "bodyId", "jalaliYear", number, "startsAt", status, "updatedAt")
        select 'lgm' || p || '-' || m, 'lgp' || p, 'lgb' || p || '-' || (case when m % 2 = 0 then 'WORKING_GROUP' else 'COMMITTEE' end),
          1396 + m / 10, 1 + m % 10, now() - ((${MEETINGS} - m) * interval '36 days'),
          (case when m = ${MEETINGS - 1} then 'PLANNED' else 'HELD' end)::"MeetingStatus", now()
        from generate_series(0, ${PROVINCES - 1}) p, generate_series(0, ${MEETINGS - 1}) m;
      insert into "Attendance" ("meetingId", "agencyId", mode)
        select 'lgm' || p || '-' || m, 'lga' || p || '-' || a, (array['HEAD','REPRESENTATIVE','ABSENT'])[1 + (m + a) % 3]::"AttendanceMode"
        from generate_series(0, ${PROVINCES - 1}) p, generate_series(0, ${MEETINGS - 2}) m, generate_series(0, ${AGENCIES - 1}) a;`,
    );
    await step(
      `${units} units with obstacles and status history`,
      `
      insert into "ProductionUnit" (id, "provinceId", "countyId", name, "nameNormalized", "nationalId", sector, status, employees, "employeesAtRegistration", "capacityUsePct", "updatedAt")
        select 'lgu' || i, 'lgp' || ${provinceOf("i")}, 'lgc' || ${provinceOf("i")} || '-' || (i / ${PROVINCES}) % ${COUNTIES},
          'واحد تولیدی شماره ' || i, 'واحدتولیدیشماره' || i, (90000000000 + i)::text,
          (array['INDUSTRIAL','MINING','AGRICULTURAL','SERVICES'])[1 + i % 4]::"Sector",
          (array['ACTIVE','SEMI_ACTIVE','IDLE','CLOSED','UNDER_CONSTRUCTION'])[1 + i % 5]::"OperatingStatus",
          5 + i % 400, greatest(5 + i % 400 - i % 30, 0), i % 100, now()
        from generate_series(0, ${units} - 1) i;
      insert into "Obstacle" (id, "provinceId", "unitId", "categoryId", description, "descriptionNormalized", "amountRials", "moneyKind", status, "updatedAt")
        select 'lgo' || i, 'lgp' || ${provinceOf("i")}, 'lgu' || i, c.id, 'مانع شماره ' || i, 'مانعشماره' || i,
          (i % 50) * 1000000000::bigint,
          case when i % 3 = 0 then (array['RESCHEDULING','NEW_FACILITY','GUARANTEE','ARREARS_SETTLEMENT'])[1 + i % 4]::"ObstacleMoneyKind" end,
          (array['REGISTERED','IN_COMMITTEE','REFERRED','DECIDED','RESOLVED'])[1 + i % 5]::"ObstacleStatus", now()
        from generate_series(0, ${units} - 1) i
        join (select id, row_number() over (order by code) - 1 as n, count(*) over () as total from "ObstacleCategory" where "parentId" is null) c on c.n = i % c.total;
      insert into "UnitStatusChange" (id, "unitId", "fromStatus", "toStatus", "changedOn", cause)
        select 'lgs' || i, 'lgu' || i, 'IDLE', 'ACTIVE', (now() - (i % 3650) * interval '1 day')::date,
          (array['SECRETARIAT','IMPORT','APPLICANT','BANK_REPORT'])[1 + i % 4]::"StatusChangeCause"
        from generate_series(0, ${units} - 1, 7) i;`,
    );
    await step(
      `${resolutions} resolutions`,
      `
      insert into "Resolution" (id, "provinceId", "meetingId", "unitId", text, "responsibleAgencyId", deadline, status, "doneReportedAt", "verifiedAt", "createdAt", "updatedAt", "approvedAmountRials")
        select 'lgr' || i, 'lgp' || ${provinceOf("u")}, 'lgm' || ${provinceOf("u")} || '-' || (2 * ((i / 7) % ${MEETINGS / 2 - 1})),
          'lgu' || u, 'مصوبه شماره ' || i, 'lga' || ${provinceOf("u")} || '-' || (i * 7) % ${AGENCIES},
          d, s::"ResolutionStatus",
          case when s in ('DONE_REPORTED','VERIFIED') then d + ((i % 20) - 10) * interval '1 day' end,
          case when s = 'VERIFIED' then d + ((i % 20) - 5) * interval '1 day' end,
          d - interval '30 days', now(),
          -- A bank's resolution (agency number ≡ 1 mod 4 is a bank) approves an amount.
          case when ((i * 7) % ${AGENCIES}) % 4 = 1 then (i % 40) * 1000000000::bigint end
        from (
          select i, i % ${units} as u, (current_date - (i % 3650) + 30) as d,
            (array['ISSUED','IN_PROGRESS','DONE_REPORTED','VERIFIED','VERIFIED','VERIFIED','CANCELLED'])[1 + i % 7] as s
          from generate_series(0, ${resolutions} - 1) i
        ) g;
      insert into "ResolutionObstacle" ("resolutionId", "obstacleId")
        select 'lgr' || i, 'lgo' || (i % ${units}) from generate_series(0, ${resolutions} - 1) i;
      insert into "ExtensionRequest" (id, "resolutionId", "previousDeadline", "requestedDeadline", reason, status)
        select 'lge' || i, 'lgr' || i, current_date, current_date + 30, 'تمدید', 'APPROVED' from generate_series(0, ${resolutions} - 1, 13) i;
      -- Every fifth resolution has three steps, the first done (issue #36).
      insert into "ResolutionMilestone" (id, "resolutionId", position, title, "dueOn", "doneAt")
        select 'lgms' || i || '-' || k, 'lgr' || i, k, 'گام ' || k, current_date - (i % 3650) + 10 * k,
          case when k = 1 then now() - (i % 3650) * interval '1 day' end
        from generate_series(0, ${resolutions} - 1, 5) i, generate_series(1, 3) k;`,
    );
    await step(
      `${reports} progress reports`,
      `
      insert into "ProgressReport" (id, "resolutionId", note, "fromStatus", "toStatus", "createdAt", "progressPct", "moneyMovement", "amountRials", "moneyOn")
        select 'lgpr' || i, 'lgr' || r, 'گزارش پیشرفت', 'ISSUED', 'IN_PROGRESS', now() - (i % 3650) * interval '1 day',
          case when i % 4 = 0 then i % 101 end,
          -- Reports on a bank's resolutions move money, on the report's day (issue #36).
          case when bank then (array['RESCHEDULED','RELEASED','GUARANTEED'])[1 + i % 3]::"MoneyMovement" end,
          case when bank then (1 + i % 20) * 500000000::bigint end,
          case when bank then (now() - (i % 3650) * interval '1 day')::date end
        from (
          select i, i % ${resolutions} as r, (((i % ${resolutions}) * 7) % ${AGENCIES}) % 4 = 1 as bank
          from generate_series(0, ${reports} - 1) i
        ) g;`,
    );
    await step(
      "bench accounts in the big province",
      `
      insert into "User" (id, email, name, "passwordHash", roles, "agencyId", "provinceId", "updatedAt")
        select 'lguser-' || k, 'bench-' || k || '@tashil.bench', 'Bench ' || k,
          coalesce((select "passwordHash" from "User" where email = 'secretariat@tashil.demo'), 'no-password'),
          array[r]::"Role"[], a, 'lgp0', now()
        from (values ('secretariat', 'SECRETARIAT', null), ('agency', 'AGENCY', 'lga0-0')) v(k, r, a);`,
    );
    await client.query("commit");
    await step("analyze", "analyze");
    console.log(`[seed:large] done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

if (process.argv[1]?.endsWith("seed-large.ts")) {
  await seedLarge(process.env.DATABASE_URL ?? "");
}
