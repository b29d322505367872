// Test data builders for integration tests. Each test file gets a province of its own, so
// files can run side by side in one database without seeing each other's rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import type { RoleName } from "@/lib/auth/roles";
import type {
  AgencyKind,
  BodyKind,
  MeetingStatus,
  ObstacleStatus,
  OperatingStatus,
  ResolutionStatus,
  Sector,
} from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";

export const t = translator("fa");
export const tEn = translator("en");

export async function createProvince() {
  const code = `T-${randomUUID().slice(0, 8)}`;
  return db.province.create({
    data: { code, nameFa: `استان آزمون ${code}`, nameEn: `Test province ${code}` },
  });
}

export async function createAgency(
  provinceId: string,
  nameFa = `دستگاه ${randomUUID().slice(0, 6)}`,
  opts: {
    kind?: AgencyKind;
    nameEn?: string;
    /** The head's contacts on the agency's record (issue #37): whom notices reach without users. */
    headName?: string;
    headTitle?: string;
    email?: string;
    headMobile?: string;
  } = {},
) {
  const { kind, nameEn, ...head } = opts;
  return db.agency.create({
    data: {
      provinceId,
      kind: kind ?? "GOVERNMENT",
      nameFa,
      nameEn: nameEn ?? nameFa,
      nameNormalized: normalizeText(nameFa),
      ...head,
    },
  });
}

export async function createActor(
  roles: RoleName[],
  opts: { provinceId: string | null; agencyId?: string | null; password?: string; active?: boolean },
): Promise<Actor & { email: string }> {
  const email = `u-${randomUUID()}@test.local`;
  const user = await db.user.create({
    data: {
      email,
      name: "کاربر آزمون",
      // A real hash only when the test signs in: hashing costs ~100 ms on purpose.
      passwordHash: opts.password ? await hashPassword(opts.password) : "x",
      active: opts.active,
      roles,
      provinceId: opts.provinceId,
      agencyId: opts.agencyId ?? null,
    },
  });
  return { id: user.id, roles, agencyId: user.agencyId, provinceId: user.provinceId, email };
}

// Row builders. Each takes the ids it hangs on and fills the rest with plausible Persian
// data, so a test names only what it asserts on. They write straight through Prisma: use the
// domain mutations instead when the test is about what a mutation stores.

/** Distinct per call, so unique keys (category codes, session numbers) never collide. */
let serial = 0;
const next = () => `${Date.now().toString(36)}${(++serial).toString(36)}`;

/** Counties are unique by name within a province: reused when it exists. */
export async function createCounty(provinceId: string, nameFa = "شهرستان آزمون", nameEn = "Test county") {
  return db.county.upsert({
    where: { provinceId_nameFa: { provinceId, nameFa } },
    update: {},
    create: { provinceId, nameFa, nameEn },
  });
}

/** Categories are national: one per code, created on first use. */
export async function createCategory(
  code = "T-BANK",
  nameFa = "بانکی",
  nameEn = "Banking",
  parentId: string | null = null,
) {
  return db.obstacleCategory.upsert({
    where: { code },
    update: {},
    create: { code, nameFa, nameEn, parentId },
  });
}

export async function createUnit(
  provinceId: string,
  opts: {
    countyId?: string;
    name?: string;
    sector?: Sector;
    status?: OperatingStatus;
    nationalId?: string | null;
    employees?: number | null;
    industrialPark?: string | null;
  } = {},
) {
  const countyId = opts.countyId ?? (await createCounty(provinceId)).id;
  const name = opts.name ?? `واحد آزمون ${next()}`;
  return db.productionUnit.create({
    data: {
      provinceId,
      countyId,
      name,
      nameNormalized: normalizeText(name),
      sector: opts.sector ?? "INDUSTRIAL",
      status: opts.status ?? "IDLE",
      nationalId: opts.nationalId,
      employees: opts.employees,
      industrialPark: opts.industrialPark,
    },
  });
}

export async function createObstacle(
  unit: { id: string; provinceId: string },
  opts: {
    categoryId?: string;
    description?: string;
    amountRials?: bigint;
    status?: ObstacleStatus;
    createdAt?: Date;
  } = {},
) {
  const description = opts.description ?? "امهال اقساط تسهیلات";
  return db.obstacle.create({
    data: {
      provinceId: unit.provinceId,
      unitId: unit.id,
      categoryId: opts.categoryId ?? (await createCategory()).id,
      description,
      // Stored normalised as the domain mutation stores it, so search finds fixture rows too.
      descriptionNormalized: normalizeText(description),
      amountRials: opts.amountRials,
      status: opts.status,
      createdAt: opts.createdAt,
    },
  });
}

/** A province has one body of each kind: reused (members unchanged) when it exists. */
export async function createBody(
  provinceId: string,
  kind: BodyKind = "WORKING_GROUP",
  memberAgencyIds: string[] = [],
) {
  return db.body.upsert({
    where: { provinceId_kind: { provinceId, kind } },
    update: {},
    create: {
      provinceId,
      kind,
      nameFa: kind === "WORKING_GROUP" ? "کارگروه" : "کمیته",
      nameEn: kind,
      members: { create: memberAgencyIds.map((agencyId) => ({ agencyId })) },
    },
  });
}

/** A session far in the future with a number of its own, so it never meets a real one. */
export async function createMeeting(
  provinceId: string,
  opts: {
    kind?: BodyKind;
    startsAt?: Date;
    jalaliYear?: number;
    number?: number;
    status?: MeetingStatus;
  } = {},
) {
  const body = await createBody(provinceId, opts.kind);
  return db.meeting.create({
    data: {
      provinceId,
      bodyId: body.id,
      jalaliYear: opts.jalaliYear ?? 1412,
      number: opts.number ?? 1000 + serial++ + Math.floor(Math.random() * 1_000_000),
      startsAt: opts.startsAt ?? new Date("2033-06-01T05:30:00Z"),
      status: opts.status,
    },
  });
}

export async function createResolution(
  at: { provinceId: string; meetingId: string; unitId: string; responsibleAgencyId: string },
  opts: {
    /** Only where a test needs ids in a known order (cursor pagination). */
    id?: string;
    text?: string;
    deadline?: string;
    status?: ResolutionStatus;
    createdAt?: Date;
    doneReportedAt?: Date | null;
    verifiedAt?: Date | null;
    supportingAgencyIds?: string[];
    obstacleIds?: string[];
    /** The case on the session's agenda it was made on: the minutes print resolutions by case. */
    agendaItemId?: string;
  } = {},
) {
  return db.resolution.create({
    data: {
      id: opts.id,
      ...at,
      agendaItemId: opts.agendaItemId,
      text: opts.text ?? "بانک عامل نسبت به امهال اقساط اقدام کند.",
      deadline: new Date(`${opts.deadline ?? "2030-01-15"}T00:00:00Z`),
      status: opts.status,
      createdAt: opts.createdAt,
      doneReportedAt: opts.doneReportedAt,
      verifiedAt: opts.verifiedAt,
      supportingAgencies: opts.supportingAgencyIds?.length
        ? { create: opts.supportingAgencyIds.map((agencyId) => ({ agencyId })) }
        : undefined,
      obstacles: opts.obstacleIds?.length
        ? { create: opts.obstacleIds.map((obstacleId) => ({ obstacleId })) }
        : undefined,
    },
  });
}
