// `npm run db:seed:large`: national-size data for benchmarks (decision 132), generated inside PostgreSQL
// with generate_series (INSERT … SELECT: no rows cross the wire, as fast as COPY). Adds to the
// database in DATABASE_URL without touching other rows; ids are prefixed "lg" so a re-run
// replaces them. The *Normalized columns hold what normalizeText (lib/i18n/normalize.ts)
// makes of the names: no spaces, Latin digits.
//
// Sizes:
//   default          31 provinces, 50,000 units, 200,000 resolutions, 1,000,000 progress
//                    reports, 3,100 sessions (100 a province over ten Jalali years)
//   --years N        N years of the whole country: 25,000·N units, 100,000·N resolutions,
//                    500,000·N progress reports, 3,100·N sessions; `--years 10` is the ten-year
//                    archive of issue #34 (250,000 units, 1,000,000 resolutions, 5,000,000
//                    reports, 31,000 sessions), about 10 minutes on 2 cores
//   UNITS, RESOLUTIONS, REPORTS environment variables override either.
// With them, in proportion: sessions' agendas and attendance, obstacles, status history,
// extensions, milestones (every fifth resolution), money (a bank's resolutions approve an
// amount, its reports move money), notices (one per session and agency, every resolution an
// item), letters (every tenth resolution), the audit trail (a unit's and a resolution's
// creation, every fifth report), notifications of the bench accounts, and applicants' requests
// (one applicant for every tenth unit, a request each in every state).
//
// One province is big: every tenth unit (about 5,000 units and 20,000 resolutions by default)
// belongs to "Province 0" (lgp0), the rest is spread over the other 30, so a provincial user
// meets a province of real volume. Three bench accounts live there (their password is the demo
// one, copied from the demo seed when present): bench-secretariat@tashil.bench,
// bench-agency@tashil.bench (an agency user of lgp0's first agency) and
// bench-applicant@tashil.bench (an applicant with an accepted request for unit lgu0, a draft
// and a submitted one; applicants sign in with a one-time code, see bench/harness.ts).
// `npm run bench` signs in as them at national size.
//
// Speed: the bulk tables' secondary indexes are dropped for the load and built again after it
// (in the same transaction), sequences and positions are computed instead of left to the
// per-row triggers, triggers are off as a superuser (session_replication_role = replica: the
// rows are consistent by construction), and synchronous_commit is off for the one commit.
import pg from "pg";

const PROVINCES = 31;
const COUNTIES = 10; // per province
const AGENCIES = 20; // per province
/** Tables filled by the million: secondary indexes off while loading. */
const BULK_TABLES = [
  "ProgressReport",
  "Resolution",
  "ResolutionObstacle",
  "ResolutionMilestone",
  "AuditEvent",
  "NoticeItem",
  "Notice",
  "Letter",
  "AgendaItem",
  "Attendance",
  "Obstacle",
  "ProductionUnit",
  "Notification",
  "UnitRequest",
];

/** `meetings`: sessions per province (100 when left out). */
export type LargeSizes = { units: number; resolutions: number; reports: number; meetings?: number };

/** The sizes for `--years N` (or the default when `years` is undefined), env overrides applied. */
export function largeSizes(years?: number): LargeSizes {
  const units = Number(process.env.UNITS ?? (years ? 25_000 * years : 50_000));
  const resolutions = Number(process.env.RESOLUTIONS ?? units * 4);
  const reports = Number(process.env.REPORTS ?? resolutions * 5);
  // Sessions per province: 100 over ten years by default, 100 a year with --years.
  const meetings = years ? 100 * years : 100;
  return { units, resolutions, reports, meetings };
}

/** The province (0…PROVINCES-1) of unit number `i`, as SQL: a tenth of all units are lgp0's. */
const provinceOf = (i: string) => `(case when (${i}) % 10 = 0 then 0 else 1 + (${i}) % ${PROVINCES - 1} end)`;

export async function seedLarge(connectionString: string, sizes: LargeSizes = largeSizes()) {
  // Sizes are inlined as integer literals (several statements per query, no parameters).
  const units = Math.trunc(sizes.units);
  const resolutions = Math.trunc(sizes.resolutions);
  const reports = Math.trunc(sizes.reports);
  const MEETINGS = Math.max(4, Math.trunc((sizes.meetings ?? 100) / 2) * 2);
  // Sessions are spread over ten Jalali years at least (1396…1405), evenly.
  const spanYears = Math.max(10, Math.round(MEETINGS / 100));
  const perYear = Math.ceil(MEETINGS / spanYears);
  const spacingDays = (360 * spanYears) / MEETINGS;
  const client = new pg.Client({ connectionString });
  await client.connect();
  const started = Date.now();
  const step = async (label: string, sql: string) => {
    const t0 = Date.now();
    await client.query(sql);
    console.log(`[seed:large] ${label} (${Date.now() - t0} ms)`);
  };
  console.log(
    `[seed:large] ${units} units, ${resolutions} resolutions, ${reports} progress reports, ${MEETINGS * PROVINCES} sessions`,
  );
  try {
    await client.query("begin");
    await client.query("set local synchronous_commit = off; set local maintenance_work_mem = '256MB'");
    // As a superuser (the bench's and a developer's database), triggers are off for the load:
    // foreign keys are checked by per-row triggers (most of the time of five million rows, and
    // the rows are generated consistent), the figures' change notices copy every inserted row
    // into a transition table (no server is running to be told), and the audit trail's
    // append-only guard would refuse clearing an earlier run's events.
    const [role] = (
      await client.query<{ su: boolean }>(`select rolsuper as su from pg_roles where rolname = current_user`)
    ).rows;
    if (role?.su) await client.query("set local session_replication_role = replica");
    else
      console.log(
        "[seed:large] not a superuser: triggers stay on (slower; a re-run cannot clear the audit trail)",
      );
    // Children first: with triggers off, no foreign key cascades.
    await step(
      "clearing earlier large data",
      `
      delete from "Notification" where id like 'lg%';
      delete from "AuditEvent" where id like 'lg%';
      delete from "Letter" where id like 'lg%';
      delete from "NoticeItem" where "noticeId" like 'lg%';
      delete from "Notice" where id like 'lg%';
      delete from "UnitRequestObstacle" where id like 'lg%';
      delete from "UnitRequest" where id like 'lg%';
      delete from "ApplicantProfile" where "userId" like 'lg%';
      delete from "User" where email like 'bench-%@tashil.bench' or id like 'lgapp%';
      delete from "ResolutionMilestone" where id like 'lg%';
      delete from "ProgressReport" where id like 'lg%';
      delete from "ExtensionRequest" where id like 'lg%';
      delete from "ResolutionObstacle" where "resolutionId" like 'lg%';
      delete from "Resolution" where id like 'lg%';
      delete from "Attendance" where "meetingId" like 'lg%';
      delete from "AgendaItem" where id like 'lg%';
      delete from "Meeting" where id like 'lg%';
      delete from "Body" where id like 'lg%';
      delete from "UnitStatusChange" where id like 'lg%';
      delete from "Obstacle" where id like 'lg%';
      delete from "ProductionUnit" where id like 'lg%';
      delete from "Agency" where id like 'lg%';
      delete from "County" where id like 'lg%';
      delete from "Province" where id like 'lg%';`,
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
       where schemaname = current_schema() and tablename = any($1) and indexdef not like 'CREATE UNIQUE%'`,
      [BULK_TABLES],
    );
    await step(
      `dropping ${indexes.length} secondary indexes for the load`,
      indexes.map((i) => `drop index "${i.name}";`).join("\n"),
    );
    await step(
      "provinces, counties, agencies, bodies, sessions, attendance",
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
          ${1406 - spanYears} + m / ${perYear}, 1 + m % ${perYear}, now() - ((${MEETINGS} - m) * interval '${spacingDays} days'),
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
    // A resolution's session: an even (working-group) session of its unit's province.
    const resolutionRows = `
      select i, u, 'lgp' || ${provinceOf("u")} as p,
        'lgm' || ${provinceOf("u")} || '-' || (2 * ((i / 7) % ${MEETINGS / 2 - 1})) as m,
        'lga' || ${provinceOf("u")} || '-' || (i * 7) % ${AGENCIES} as a,
        ((i * 7) % ${AGENCIES}) % 4 = 1 as bank,
        (current_date - (i % 3650) + 30) as d,
        (array['ISSUED','IN_PROGRESS','DONE_REPORTED','VERIFIED','VERIFIED','VERIFIED','CANCELLED'])[1 + i % 7] as s
      from (select i, i % ${units} as u from generate_series(0, ${resolutions} - 1) i) g`;
    await step(
      "sessions' agendas",
      `
      insert into "AgendaItem" (id, "meetingId", "unitId", position, outcome)
        select 'lgai' || substr(m, 4) || '-' || u, m, 'lgu' || u, row_number() over (partition by m order by u),
          (array['DECIDED','SETTLED','REFERRED','DECIDED'])[1 + u % 4]::"AgendaOutcome"
        from (select distinct m, u from (${resolutionRows}) r) d;`,
    );
    await step(
      `${resolutions} resolutions`,
      `
      insert into "Resolution" (id, "provinceId", "meetingId", "unitId", "agendaItemId", sequence, text, "responsibleAgencyId", deadline, status, "doneReportedAt", "verifiedAt", "createdAt", "updatedAt", "approvedAmountRials")
        select 'lgr' || i, p, m, 'lgu' || u, 'lgai' || substr(m, 4) || '-' || u, row_number() over (partition by m order by i),
          'مصوبه شماره ' || i, a,
          d, s::"ResolutionStatus",
          case when s in ('DONE_REPORTED','VERIFIED') then d + ((i % 20) - 10) * interval '1 day' end,
          case when s = 'VERIFIED' then d + ((i % 20) - 5) * interval '1 day' end,
          d - interval '30 days', now(),
          -- A bank's resolution (agency number ≡ 1 mod 4 is a bank) approves an amount.
          case when bank then (i % 40) * 1000000000::bigint end
        from (${resolutionRows}) r;
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
      "notices (one per session and agency) and letters (every tenth resolution)",
      `
      insert into "Notice" (id, "provinceId", "agencyId", kind, "meetingId", "jalaliYear", number, "issuedAt", "acknowledgedAt", "verifyCode", "contentHash", recipient, subject, body)
        select 'lgn' || substr(m, 4) || '-' || a, p, a, 'SESSION', m, y,
          row_number() over (partition by p, y order by t, a), t + interval '7 days',
          case when t < now() - interval '60 days' then t + interval '10 days' end,
          'LGN' || lpad((row_number() over ())::text, 9, '0'), repeat('0', 64), 'دستگاه', 'ابلاغ مصوبات', 'ابلاغ'
        from (
          select distinct r."provinceId" as p, r."meetingId" as m, r."responsibleAgencyId" as a, mt."jalaliYear" as y, mt."startsAt" as t
          from "Resolution" r join "Meeting" mt on mt.id = r."meetingId" where r.id like 'lgr%'
        ) n;
      insert into "NoticeItem" ("noticeId", "resolutionId", deadline)
        select 'lgn' || substr("meetingId", 4) || '-' || "responsibleAgencyId", id, deadline from "Resolution" where id like 'lgr%';
      insert into "Letter" (id, "provinceId", "agencyId", "scopeKey", "resolutionId", "jalaliYear", number, "issuedAt", recipient, subject, body, "contentHash", "verifyCode")
        select 'lgl' || i, p, a, 'resolution:lgr' || i, 'lgr' || i, y, row_number() over (partition by p, y order by i),
          d - interval '25 days', 'دستگاه', 'مصوبه', 'متن نامه', repeat('0', 64), 'LGL' || lpad(i::text, 9, '0')
        from (select *, 1405 - (i % 3650) / 365 as y from (${resolutionRows}) r where i % 10 = 0) l;`,
    );
    // Every tenth unit has an applicant: unit 10·n + n % 10, so a tenth of them are lgp0's.
    const applicantUnits = `(select 10 * n + n % 10 as i from generate_series(0, ${Math.floor(units / 10) - 1}) n)`;
    await step(
      "bench accounts in the big province, applicants and their requests",
      `
      insert into "User" (id, email, name, "passwordHash", roles, "agencyId", "provinceId", "updatedAt")
        select 'lguser-' || k, 'bench-' || k || '@tashil.bench', 'Bench ' || k,
          coalesce((select "passwordHash" from "User" where email = 'secretariat@tashil.demo'), 'no-password'),
          array[r]::"Role"[], a, 'lgp0', now()
        from (values ('secretariat', 'SECRETARIAT', null), ('agency', 'AGENCY', 'lga0-0'), ('applicant', 'APPLICANT', null)) v(k, r, a);
      -- One applicant for every tenth unit, with one request in one of the states.
      insert into "User" (id, email, name, "passwordHash", roles, "provinceId", "updatedAt")
        select 'lgapp' || i, 'applicant-' || i || '@tashil.bench', 'متقاضی ' || i, 'no-password', array['APPLICANT']::"Role"[],
          'lgp' || ${provinceOf("i")}, now()
        from ${applicantUnits} i;
      insert into "ApplicantProfile" ("userId", "nationalCode", position, "unitNationalId")
        select id, lpad(substr(id, 6), 10, '0'), 'OWNER'::"ApplicantPosition", (90000000000 + substr(id, 6)::int)::text from "User" where id like 'lgapp%'
        union all select 'lguser-applicant', '0000000000', 'OWNER', '90000000000';
      insert into "UnitRequest" (id, "provinceId", "applicantId", status, "trackingCode", "unitName", "unitNationalId", "countyId", sector, employees, "submittedAt", "decidedAt", "unitId", "createdAt", "updatedAt")
        select 'lgq' || i, 'lgp' || ${provinceOf("i")}, 'lgapp' || i, s::"UnitRequestStatus",
          case when s <> 'DRAFT' then 'L' || lpad(i::text, 10, '0') end,
          'واحد تولیدی شماره ' || i, (90000000000 + i)::text, 'lgc' || ${provinceOf("i")} || '-0', 'INDUSTRIAL', 10,
          case when s <> 'DRAFT' then now() - (i % 3650) * interval '1 day' end,
          case when s in ('ACCEPTED','REJECTED') then now() - (i % 3650) * interval '1 day' + interval '5 days' end,
          case when s = 'ACCEPTED' then 'lgu' || i end,
          now() - (i % 3650) * interval '1 day' - interval '1 day', now()
        from (select i, (array['DRAFT','SUBMITTED','DOCUMENTS_REQUESTED','ACCEPTED','ACCEPTED','REJECTED'])[1 + (i / 10) % 6] as s
              from ${applicantUnits} i) q;
      -- The bench applicant: an accepted request for lgu0 (a unit of lgp0), a submitted one, a draft.
      insert into "UnitRequest" (id, "provinceId", "applicantId", status, "trackingCode", "unitName", "unitNationalId", "submittedAt", "decidedAt", "unitId", "updatedAt")
        values ('lgq-bench-1', 'lgp0', 'lguser-applicant', 'ACCEPTED', 'LBENCH00001', 'واحد تولیدی شماره 0', '90000000000', now() - interval '300 days', now() - interval '290 days', 'lgu0', now()),
               ('lgq-bench-2', 'lgp0', 'lguser-applicant', 'SUBMITTED', 'LBENCH00002', 'واحد تولیدی شماره 10', '90000000010', now() - interval '3 days', null, null, now()),
               ('lgq-bench-3', 'lgp0', 'lguser-applicant', 'DRAFT', null, 'واحد تازه', '90000000020', null, null, null, now());
      insert into "UnitRequestObstacle" (id, "requestId", position, "categoryId", description)
        select 'lgqo' || substr(q.id, 4), q.id, 1, c.id, 'مانع اعلام شده'
        from "UnitRequest" q, (select id from "ObstacleCategory" where "parentId" is null order by code limit 1) c
        where q.id like 'lgq%';`,
    );
    await step(
      "the audit trail and the bench accounts' notifications",
      `
      insert into "AuditEvent" (id, "actorId", "provinceId", action, "entityType", "entityId", after, "createdAt")
        select 'lgau' || i, null, 'lgp' || ${provinceOf("i")}, 'unit.create', 'ProductionUnit', 'lgu' || i,
          jsonb_build_object('name', 'واحد تولیدی شماره ' || i), now() - (i % 3650) * interval '1 day' - interval '400 days'
        from generate_series(0, ${units} - 1) i;
      insert into "AuditEvent" (id, "actorId", "provinceId", action, "entityType", "entityId", after, "createdAt")
        select 'lgar' || i, case when p = 'lgp0' then 'lguser-secretariat' end, p, 'resolution.create', 'Resolution', 'lgr' || i,
          jsonb_build_object('status', s, 'deadline', d), d - interval '30 days'
        from (${resolutionRows}) r;
      insert into "AuditEvent" (id, "actorId", "provinceId", action, "entityType", "entityId", after, "createdAt")
        select 'lgap' || i, null, 'lgp' || ${provinceOf(`i % ${units}`)}, 'progress.report', 'Resolution', 'lgr' || (i % ${resolutions}),
          jsonb_build_object('toStatus', 'IN_PROGRESS'), now() - (i % 3650) * interval '1 day'
        from generate_series(0, ${reports} - 1, 5) i;
      insert into "Notification" (id, "userId", "provinceId", kind, "eventKey", subject, body, link, "readAt", "createdAt")
        select 'lgnt' || id, 'lguser-secretariat', 'lgp0', 'resolution.doneReported', 'lg:done:' || id, 'انجام مصوبه گزارش شد', 'مصوبه ' || id,
          '/resolutions/' || id, case when "doneReportedAt" < now() - interval '30 days' then "doneReportedAt" + interval '1 day' end, coalesce("doneReportedAt", now())
        from "Resolution" where id like 'lgr%' and "provinceId" = 'lgp0' and status in ('DONE_REPORTED', 'VERIFIED');
      insert into "Notification" (id, "userId", "provinceId", kind, "eventKey", subject, body, link, "readAt", "createdAt")
        select 'lgna' || id, 'lguser-agency', 'lgp0', 'notice.issued', 'lg:notice:' || id, 'ابلاغ تازه', 'ابلاغ', '/notices/' || id,
          case when "issuedAt" < now() - interval '30 days' then "issuedAt" + interval '1 day' end, "issuedAt"
        from "Notice" where id like 'lgn%' and "agencyId" = 'lga0-0';`,
    );
    await step(
      `building ${indexes.length} secondary indexes again`,
      indexes.map((i) => `${i.def};`).join("\n"),
    );
    await client.query("commit");
    // Vacuumed as an archive long in use is: the visibility map lets counts read indexes alone.
    await step("vacuum analyze", "vacuum analyze");
    console.log(`[seed:large] done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

if (process.argv[1]?.endsWith("seed-large.ts")) {
  const at = process.argv.indexOf("--years");
  const years = at > 0 ? Number(process.argv[at + 1]) : undefined;
  if (years !== undefined && !(Number.isInteger(years) && years > 0)) {
    console.error("usage: npm run db:seed:large [-- --years N]   (N a whole number of years, e.g. 10)");
    process.exit(2);
  }
  await seedLarge(process.env.DATABASE_URL ?? "", largeSizes(years));
}
