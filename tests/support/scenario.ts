// "A province with its secretariat, chair, two banks and an open session": the cast most
// integration files start from, in one call instead of the 6–10 lines each used to repeat
// (issue #29). Built from the row builders in fixtures.ts, so each file still works in a
// province of its own. Everything is optional: a file asks only for what it asserts on.
//
// Then, on the scenario, the rest of the cast as one call each: `agency()` (an agency with its
// head's contacts, a member of a body if asked), `person()` (its users, or anyone else),
// `session()` (another session, e.g. a held one) and `resolution()` (on the scenario's unit and
// session unless told otherwise, on the agenda if asked).
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/auth/roles";
import type { AgencyKind, BodyKind, MeetingStatus } from "@/lib/generated/prisma/enums";
import {
  createActor,
  createAgency,
  createBody,
  createCategory,
  createCounty,
  createMeeting,
  createProvince,
  createResolution,
  createUnit,
} from "./fixtures";

type Actor = Awaited<ReturnType<typeof createActor>>;
type Agency = Awaited<ReturnType<typeof createAgency>>;
type Meeting = Awaited<ReturnType<typeof createMeeting>>;
type Resolution = Awaited<ReturnType<typeof createResolution>>;
type SessionOptions = NonNullable<Parameters<typeof createMeeting>[1]>;
type ResolutionOptions = NonNullable<Parameters<typeof createResolution>[1]>;

export type AgencyOptions = {
  kind?: AgencyKind;
  nameEn?: string;
  /** The head's contacts on the record (only those given are set): whom notices reach without users. */
  head?: { name?: string; title?: string; email?: string; mobile?: string };
  /** The bodies it joins as a member (the body is made when the province has none). Default none. */
  memberOf?: BodyKind[];
};

export type ScenarioOptions = {
  /** Banks (AgencyKind BANK): how many, or their Persian names. Default two. */
  banks?: number | string[];
  /** Further executive agencies (GOVERNMENT): how many, or their names. Default none. */
  agencies?: number | string[];
  /** The province's county, [Persian, English?]. Default «شهرستان آزمون». */
  county?: [string, string?];
  /** The obstacle category's code (categories are national, made on first use). Default T-BANK. */
  category?: string;
  /** The bodies made with every agency above as members. Default the working group only. */
  bodies?: BodyKind[];
  /**
   * The working group's open (planned) session, far in the future, unless `false`; or one with
   * these details. Default: one open session.
   */
  session?: false | { startsAt?: Date; jalaliYear?: number; number?: number; status?: MeetingStatus };
  /** The chair's user is made unless `false` (the secretariat's always is). */
  chair?: false;
  /** A production unit in the county, named so. Default none. */
  unit?: string;
};

export type Scenario = {
  /** The province's row (its code and names, for what a message or a page says of it). */
  province: Awaited<ReturnType<typeof createProvince>>;
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
  /** The chair's user; with `chair: false` none is made and reading this throws. */
  chair: Actor;
  /** One more person in this province. */
  person(
    roles: RoleName[],
    opts?: { agencyId?: string | null; password?: string; active?: boolean },
  ): Promise<Actor>;
  /** One more agency in this province (its users: `person(["AGENCY"], { agencyId })`). */
  agency(name?: string, opts?: AgencyOptions): Promise<Agency>;
  /** One more session of the working group (default), far in the future unless told. */
  session(opts?: SessionOptions): Promise<Meeting>;
  /**
   * A resolution on `agencyId`, at the scenario's session and unit unless `sessionId` / `unitId`
   * are given (a scenario made without one of them must give it).
   */
  resolution(
    agencyId: string,
    opts?: ResolutionOptions & {
      sessionId?: string;
      unitId?: string;
      /** Made on the unit's case on the session's agenda (put there when it is not yet). */
      onAgenda?: boolean;
    },
  ): Promise<Resolution>;
};

const names = (value: number | string[], make: (i: number) => string) =>
  typeof value === "number" ? Array.from({ length: value }, (_, i) => make(i)) : value;

export async function provinceScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const province = await createProvince();
  const provinceId = province.id;
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
  const sessionIdOrNull =
    options.session === false ? null : (await createMeeting(provinceId, options.session ?? {})).id;
  const unitIdOrNull = options.unit
    ? (await createUnit(provinceId, { countyId, name: options.unit })).id
    : null;
  const secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const chair = options.chair === false ? null : await createActor(["CHAIR"], { provinceId });
  const person: Scenario["person"] = (roles, opts = {}) => createActor(roles, { provinceId, ...opts });
  return {
    province,
    provinceId,
    countyId,
    banks,
    agencies,
    allAgencies,
    categoryId,
    sessionId: sessionIdOrNull,
    unitId: unitIdOrNull,
    secretariat,
    get chair() {
      if (!chair) throw new Error("this scenario was made with `chair: false`");
      return chair;
    },
    person,
    async agency(name, opts = {}) {
      const { head = {}, memberOf = [] } = opts;
      const agency = await createAgency(provinceId, name, {
        kind: opts.kind,
        nameEn: opts.nameEn,
        headName: head.name,
        headTitle: head.title,
        email: head.email,
        headMobile: head.mobile,
      });
      for (const kind of memberOf) {
        const body = await createBody(provinceId, kind);
        await db.bodyMember.create({ data: { bodyId: body.id, agencyId: agency.id } });
      }
      return agency;
    },
    session: (opts = {}) => createMeeting(provinceId, opts),
    async resolution(
      agencyId,
      { sessionId = sessionIdOrNull, unitId = unitIdOrNull, onAgenda, ...opts } = {},
    ) {
      if (!sessionId || !unitId) throw new Error("a resolution needs a session and a unit");
      const item = onAgenda
        ? await db.agendaItem.upsert({
            where: { meetingId_unitId: { meetingId: sessionId, unitId } },
            update: {},
            create: { meetingId: sessionId, unitId },
            select: { id: true },
          })
        : null;
      return createResolution(
        { provinceId, meetingId: sessionId, unitId, responsibleAgencyId: agencyId },
        { ...opts, agendaItemId: item?.id ?? opts.agendaItemId },
      );
    },
  };
}
