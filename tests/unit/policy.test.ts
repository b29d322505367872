import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  ForbiddenError,
  homePath,
  provinceWhere,
  writeProvince,
  type Action,
  type Actor,
} from "@/lib/auth/policy";
import { ROLES, type RoleName } from "@/lib/auth/roles";

// The whole role × action × ownership table, written out so a change to a rule is a
// visible change here. "own"/"other" is the resolution's responsible agency relative to
// the actor's agency; "home"/"away" is the resource's province relative to the actor's.
const ALLOWED: Record<RoleName, readonly Action[]> = {
  ADMIN: [
    "case.read",
    "export.download",
    "unit.write",
    "obstacle.write",
    "agency.write",
    "body.manage",
    "dashboard.view",
    "audit.read",
    "user.manage",
    "settings.manage",
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
    "resolution.verify",
    "extension.decide",
    "dashboard.view",
    "audit.read",
  ],
  CHAIR: ["case.read", "export.download", "minutes.approve", "chairDesk.view", "dashboard.view"],
  AGENCY: [
    "case.read",
    "export.download",
    "resolution.report",
    "resolution.requestExtension",
    "agencyInbox.view",
  ],
  MEMBER: ["case.read", "export.download"],
};
const AGENCY_OWNED: readonly Action[] = ["resolution.report", "resolution.requestExtension"];
const READ_ONLY: readonly Action[] = [
  "case.read",
  "chairDesk.view",
  "agencyInbox.view",
  "dashboard.view",
  "audit.read",
  "export.download",
];
// Owned by the requesting user (the actor is "u1"): a background export's file.
const REQUESTER_OWNED: readonly Action[] = ["export.download"];

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
      const owned = AGENCY_OWNED.includes(action);
      it(`${role} ${action}`, () => {
        const own = { provinceId: "P1", responsibleAgencyId: "A1", ownerId: "u1" };
        const other = { provinceId: "P1", responsibleAgencyId: "A2", ownerId: "u2" };
        const away = { provinceId: "P2", responsibleAgencyId: "A1" };
        expect(can(actor(role), action, own)).toBe(roleAllows);
        // Another agency's resolution: only agency-owned actions change their answer.
        expect(can(actor(role), action, other)).toBe(
          roleAllows && !owned && !REQUESTER_OWNED.includes(action),
        );
        // Another province: never.
        expect(can(actor(role), action, away)).toBe(false);
        // A national user (no province) reads everywhere; only the admin's account work writes.
        const nationalAllows =
          roleAllows &&
          (READ_ONLY.includes(action) || action === "user.manage" || action === "settings.manage") &&
          !owned &&
          // `away` names no owner: nobody's prepared file.
          !REQUESTER_OWNED.includes(action);
        expect(can(actor(role, null), action, away)).toBe(nationalAllows);
      });
    }
  }

  it("lets only its requester fetch a prepared export, national or not, whatever the role", () => {
    for (const role of ROLES) {
      for (const provinceId of ["P1", null]) {
        expect(can(actor(role, provinceId), "export.download", { ownerId: "u1" })).toBe(true);
        expect(can(actor(role, provinceId), "export.download", { ownerId: "u2" })).toBe(false);
        expect(can(actor(role, provinceId), "export.download", {})).toBe(false);
      }
    }
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
