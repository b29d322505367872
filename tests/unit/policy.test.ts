import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  ForbiddenError,
  homePath,
  narrowToProvince,
  provinceWhere,
  tokensBoundToOwnAgency,
  writeProvince,
  type Action,
  type Actor,
} from "@/lib/auth/policy";
import { ALL_ROLES as ROLES, type RoleName } from "@/lib/auth/roles";

// The whole role × action × ownership table, written out so a change to a rule is a
// visible change here. "own"/"other" is the resolution's responsible agency relative to
// the actor's agency; "home"/"away" is the resource's province relative to the actor's.
const ALLOWED: Record<RoleName, readonly Action[]> = {
  ADMIN: [
    "case.read",
    "notifications.own",
    "export.download",
    "unit.write",
    "obstacle.write",
    "agency.write",
    "body.manage",
    "dashboard.view",
    "audit.read",
    "audit.raw",
    "user.manage",
    "settings.manage",
    "calendar.manage",
    "apiToken.manage",
    "sms.outbox",
  ],
  SECRETARIAT: [
    "case.read",
    "export.download",
    "unit.write",
    "obstacle.write",
    "agency.write",
    "body.manage",
    "meeting.write",
    "resolution.write",
    "meeting.screen",
    "resolution.verify",
    "extension.decide",
    "return.decide",
    "resolution.plan",
    "resolution.remind",
    "letter.issue",
    "sms.outbox",
    "dashboard.view",
    "audit.read",
    "notifications.own",
    "request.intake",
  ],
  CHAIR: [
    "case.read",
    "export.download",
    "meeting.screen",
    "minutes.approve",
    "chairDesk.view",
    "letter.absence",
    "dashboard.view",
    "notifications.own",
  ],
  AGENCY: [
    "case.read",
    "export.download",
    "resolution.report",
    "resolution.requestExtension",
    "resolution.return",
    "notice.acknowledge",
    "agencyInbox.view",
    "apiToken.manage",
    "notifications.own",
  ],
  MEMBER: ["case.read", "export.download", "meeting.screen", "notifications.own"],
  // A unit's applicant: their own requests and notifications, none of the working group's cases.
  APPLICANT: ["request.file", "notifications.own"],
};
/** Actions only national users take, and which roles may (provincial users never). */
const NATIONAL_ONLY: Record<RoleName, readonly Action[]> = {
  ADMIN: ["province.compare", "province.manage"],
  SECRETARIAT: ["province.compare"],
  CHAIR: ["province.compare"],
  AGENCY: [],
  MEMBER: ["province.compare"],
  APPLICANT: [],
};
const NATIONAL_ADMIN_WRITES: readonly Action[] = [
  "user.manage",
  "settings.manage",
  "calendar.manage",
  "apiToken.manage",
];
const AGENCY_OWNED: readonly Action[] = [
  "resolution.report",
  "resolution.requestExtension",
  "resolution.return",
  "notice.acknowledge",
];
/** Owned by the agency for an agency user only: an administrator issues tokens for any agency. */
const ownedFor = (role: RoleName, action: Action) =>
  AGENCY_OWNED.includes(action) || (action === "apiToken.manage" && role === "AGENCY");
const READ_ONLY: readonly Action[] = [
  "case.read",
  "notifications.own",
  "chairDesk.view",
  "agencyInbox.view",
  "dashboard.view",
  "audit.read",
  "audit.raw",
  "export.download",
  "province.compare",
  "sms.outbox",
];
// Owned by the requesting user (the actor is "u1"): a background export's file.
const REQUESTER_OWNED: readonly Action[] = ["export.download", "request.file"];

const actor = (role: RoleName, provinceId: string | null = "P1"): Actor => ({
  id: "u1",
  roles: [role],
  agencyId: role === "AGENCY" ? "A1" : null,
  provinceId,
});

describe("can(): role × action × ownership × province", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const roleAllows = ALLOWED[role].includes(action);
      const owned = ownedFor(role, action);
      it(`${role} ${action}`, () => {
        const own = { provinceId: "P1", responsibleAgencyId: "A1", agencyId: "A1", ownerId: "u1" };
        const other = { provinceId: "P1", responsibleAgencyId: "A2", agencyId: "A2", ownerId: "u2" };
        const away = { provinceId: "P2", responsibleAgencyId: "A1", agencyId: "A1" };
        expect(can(actor(role), action, own)).toBe(roleAllows);
        // Another agency's resolution: only agency-owned actions change their answer.
        expect(can(actor(role), action, other)).toBe(
          roleAllows && !owned && !REQUESTER_OWNED.includes(action),
        );
        // Another province: never.
        expect(can(actor(role), action, away)).toBe(false);
        // A national user (no province) reads everywhere; only the admin's account work writes.
        const nationalAllows =
          ((roleAllows && READ_ONLY.includes(action) && !owned) ||
            (role === "ADMIN" && NATIONAL_ADMIN_WRITES.includes(action)) ||
            NATIONAL_ONLY[role].includes(action)) &&
          // `away` names no owner: nobody's prepared file.
          !REQUESTER_OWNED.includes(action);
        expect(can(actor(role, null), action, away)).toBe(nationalAllows);
        // Narrowed to read (a drill-down, a read-only API token): the same answers for
        // reads, none for writes.
        const narrowed = { ...actor(role), readOnly: true };
        expect(can(narrowed, action, own)).toBe(roleAllows && READ_ONLY.includes(action));
      });
    }
  }

  it("lets only its requester fetch a prepared export, national or not, whatever the role", () => {
    for (const role of ROLES.filter((r) => ALLOWED[r].includes("export.download"))) {
      for (const provinceId of ["P1", null]) {
        expect(can(actor(role, provinceId), "export.download", { ownerId: "u1" })).toBe(true);
        expect(can(actor(role, provinceId), "export.download", { ownerId: "u2" })).toBe(false);
        expect(can(actor(role, provinceId), "export.download", {})).toBe(false);
      }
    }
  });

  it("lets an applicant file new requests and touch only their own", () => {
    const applicant = actor("APPLICANT");
    expect(can(applicant, "request.file")).toBe(true);
    expect(can(applicant, "request.file", { ownerId: "u1", provinceId: "P1" })).toBe(true);
    expect(can(applicant, "request.file", { ownerId: "u2", provinceId: "P1" })).toBe(false);
    expect(can(applicant, "request.file", { ownerId: null })).toBe(false);
    // Nothing of the working group's records, whatever the province.
    for (const action of ["case.read", "dashboard.view", "request.intake", "unit.write"] as const)
      expect(can(applicant, action, { provinceId: "P1" })).toBe(false);
    expect(homePath(applicant)).toBe("/apply/requests");
  });

  it("refuses anyone not signed in", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("combines the rights of several roles", () => {
    const both: Actor = { id: "u", roles: ["CHAIR", "SECRETARIAT"], agencyId: null, provinceId: "P1" };
    expect(can(both, "minutes.approve")).toBe(true);
    expect(can(both, "resolution.verify")).toBe(true);
    expect(can(both, "user.manage")).toBe(false);
  });

  it("narrows a national viewer to one province, read-only; a provincial user only to their own", () => {
    const national: Actor = { id: "u", roles: ["SECRETARIAT"], agencyId: null, provinceId: null };
    const narrowed = narrowToProvince(national, "P2");
    expect(narrowed.provinceId).toBe("P2");
    expect(can(narrowed, "dashboard.view", { provinceId: "P2" })).toBe(true);
    expect(can(narrowed, "dashboard.view", { provinceId: "P3" })).toBe(false);
    expect(can(narrowed, "unit.write", { provinceId: "P2" })).toBe(false);
    const provincial: Actor = { ...national, provinceId: "P1" };
    expect(narrowToProvince(provincial, "P1")).toBe(provincial);
    expect(() => narrowToProvince(provincial, "P2")).toThrow(ForbiddenError);
  });

  it("API tokens are bound to the own agency exactly where can() refuses another agency's", () => {
    for (const role of ROLES) {
      const who = actor(role);
      if (!can(who, "apiToken.manage")) continue;
      expect(tokensBoundToOwnAgency(who), role).toBe(!can(who, "apiToken.manage", { agencyId: "A2" }));
    }
    expect(tokensBoundToOwnAgency(actor("ADMIN"))).toBe(false);
    expect(tokensBoundToOwnAgency(actor("AGENCY"))).toBe(true);
  });

  it("an agency user manages tokens of their own agency only", () => {
    const officer: Actor = { id: "u", roles: ["AGENCY"], agencyId: "A1", provinceId: "P1" };
    expect(can(officer, "apiToken.manage")).toBe(true);
    expect(can(officer, "apiToken.manage", { agencyId: "A1" })).toBe(true);
    expect(can(officer, "apiToken.manage", { agencyId: "A2" })).toBe(false);
    expect(can(officer, "apiToken.manage", { agencyId: null })).toBe(false);
    expect(can({ ...officer, agencyId: null }, "apiToken.manage")).toBe(false);
  });

  it("an agency user without an agency reports on nothing", () => {
    const orphan: Actor = { id: "u", roles: ["AGENCY"], agencyId: null, provinceId: "P1" };
    expect(can(orphan, "resolution.report", { responsibleAgencyId: null })).toBe(false);
    expect(can(orphan, "agencyInbox.view")).toBe(false);
  });
});

describe("scope and homes", () => {
  it("scopes provincial users to their province and national users to none", () => {
    expect(provinceWhere({ provinceId: "P1" })).toEqual({ provinceId: "P1" });
    expect(provinceWhere({ provinceId: null })).toEqual({});
  });

  it("writes into the writer's own province and refuses a national user", () => {
    const actor = (provinceId: string | null): Actor => ({
      id: "u",
      roles: ["SECRETARIAT"],
      provinceId,
      agencyId: null,
    });
    expect(writeProvince(actor("P1"), "meeting.write")).toBe("P1");
    expect(() => writeProvince(actor(null), "meeting.write")).toThrow(ForbiddenError);
  });

  it("sends each role to the page of its main job", () => {
    expect(homePath({ roles: ["SECRETARIAT"] })).toBe("/dashboard");
    expect(homePath({ roles: ["CHAIR"] })).toBe("/chair");
    expect(homePath({ roles: ["AGENCY"] })).toBe("/agency");
    expect(homePath({ roles: ["ADMIN"] })).toBe("/admin");
    expect(homePath({ roles: ["MEMBER"] })).toBe("/resolutions");
  });
});
