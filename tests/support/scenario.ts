// "A province with its secretariat, chair, two banks and an open session": the cast most
// integration files start from, in one call instead of the 6–10 lines each used to repeat
// (issue #29). Built from the row builders in fixtures.ts, so each file still works in a
// province of its own. Everything is optional: a file asks only for what it asserts on.
import type { RoleName } from "@/lib/auth/roles";
import type { BodyKind, MeetingStatus } from "@/lib/generated/prisma/enums";
import {
  createActor,
  createAgency,
  createBody,
  createCategory,
  createCounty,
  createMeeting,
  createProvince,
  createUnit,
} from "./fixtures";

type Actor = Awaited<ReturnType<typeof createActor>>;

export type ScenarioOptions = {
  /** Banks (AgencyKind BANK): how many, or their Persian names. Default two. */
  banks?: number | string[];
  /** Further executive agencies (GOVERNMENT): how many, or their names. Default none. */
  agencies?: number | string[];
  /** The province's county, [Persian, English]. Default «شهرستان آزمون». */
  county?: [string, string];
  /** The obstacle category's code (categories are national, made on first use). Default T-BANK. */
  category?: string;
  /** The bodies made with every agency above as members. Default the working group only. */
  bodies?: BodyKind[];
  /**
   * The working group's open (planned) session, far in the future, unless `false`; or one with
   * these details. Default: one open session.
   */
  session?: false | { startsAt?: Date; jalaliYear?: number; number?: number; status?: MeetingStatus };
  /** A production unit in the county, named so. Default none. */
  unit?: string;
};

export type Scenario = {
  provinceId: string;
  countyId: string;
  /** Ids of the banks, in the order named. */
  banks: string[];
  /** Ids of the further agencies, in the order named. */
  agencies: string[];
  /** Every agency id: banks first. */
  allAgencies: string[];
  categoryId: string;
  /** The open session's id, null with `session: false`. */
  sessionId: string | null;
  unitId: string | null;
  secretariat: Actor;
  chair: Actor;
  /** One more person in this province. */
  person(
    roles: RoleName[],
    opts?: { agencyId?: string | null; password?: string; active?: boolean },
  ): Promise<Actor>;
};

const names = (value: number | string[], make: (i: number) => string) =>
  typeof value === "number" ? Array.from({ length: value }, (_, i) => make(i)) : value;

export async function provinceScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const provinceId = (await createProvince()).id;
  const banks: string[] = [];
  for (const name of names(options.banks ?? 2, (i) => `بانک آزمون ${i + 1} ${provinceId.slice(-6)}`))
    banks.push((await createAgency(provinceId, name, { kind: "BANK" })).id);
  const agencies: string[] = [];
  for (const name of names(options.agencies ?? 0, () => `دستگاه ${crypto.randomUUID().slice(0, 6)}`))
    agencies.push((await createAgency(provinceId, name)).id);
  const allAgencies = [...banks, ...agencies];
  const countyId = (await createCounty(provinceId, ...(options.county ?? []))).id;
  const categoryId = (await createCategory(options.category)).id;
  for (const kind of options.bodies ?? ["WORKING_GROUP"]) await createBody(provinceId, kind, allAgencies);
  const sessionId =
    options.session === false ? null : (await createMeeting(provinceId, options.session ?? {})).id;
  const unitId = options.unit ? (await createUnit(provinceId, { countyId, name: options.unit })).id : null;
  const secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const chair = await createActor(["CHAIR"], { provinceId });
  return {
    provinceId,
    countyId,
    banks,
    agencies,
    allAgencies,
    categoryId,
    sessionId,
    unitId,
    secretariat,
    chair,
    person: (roles, opts = {}) => createActor(roles, { provinceId, ...opts }),
  };
}
