// The one place that says who may do what (decision 002). Server actions, route handlers
// and pages call `can()`; the UI may also call it to hide controls, but never instead.
// Pure and synchronous, so the whole role × action × ownership table is unit-tested.
import { AppError } from "@/lib/errors";
import type { RoleName as Role } from "./roles";

export type Actor = {
  id: string;
  roles: readonly Role[];
  /** Set exactly for AGENCY users: the one agency they act for. */
  agencyId: string | null;
  /** Null for a national user, who reads every province and writes nowhere (except ADMIN). */
  provinceId: string | null;
  /**
   * Set when an actor is narrowed to reading only: a national viewer looking into one
   * province (narrowToProvince) or an API token without the reporting scope. Such an actor
   * has a province, so without the flag it would pass the province check of a write.
   */
  readOnly?: boolean;
};

/** What an action touches, as far as permission depends on it. */
export type Resource = {
  provinceId?: string | null;
  /** The agency responsible for a resolution. */
  responsibleAgencyId?: string | null;
  /** The user a prepared file (a background export) was made for. */
  ownerId?: string | null;
  /** The agency an API token reports for. */
  agencyId?: string | null;
};

export const ACTIONS = [
  // Reading the working group's cases and decisions: everyone with an account.
  "case.read",
  // The secretariat's registry: units, obstacles, agencies, imports.
  "unit.write",
  "obstacle.write",
  "agency.write",
  // The working group and its committee: member agencies, chair and secretary.
  "body.manage",
  // Sessions: agendas, attendance, outcomes, resolutions entry.
  "meeting.write",
  "resolution.write",
  // The hall screen of a session (/meetings/[id]/screen): the projector in the room.
  "meeting.screen",
  // The chair approves the minutes, which locks the session's records.
  "minutes.approve",
  // Follow-up by the responsible agency.
  "resolution.report",
  "resolution.requestExtension",
  // The agency hands back a resolution that is not its remit; it acknowledges a notice (ابلاغ).
  "resolution.return",
  "notice.acknowledge",
  // Follow-up control by the secretariat.
  "resolution.verify",
  "extension.decide",
  "return.decide",
  // The secretariat plans a resolution's execution: its steps and the amount approved.
  "resolution.plan",
  // "Remind now": the secretariat chases an agency between the scheduled reminders.
  "resolution.remind",
  // Official letters (numbered in the province's series) to agencies about their resolutions.
  "letter.issue",
  // The SMS outbox: each text's status, attempts, gateway id and cost, today's count vs the cap.
  "sms.outbox",
  // The chair's letter to an agency whose head keeps missing sessions (numbered like the above).
  "letter.absence",
  // A user's own notifications: reading state and e-mail preference. Personal, never case data.
  "notifications.own",
  // Desks: the chair's page of sessions and minutes awaiting them; an agency's inbox.
  "chairDesk.view",
  "agencyInbox.view",
  // Monitoring.
  "dashboard.view",
  "audit.read",
  // The audit trail's stored before/after as such (the trail is shown in words to everyone).
  "audit.raw",
  // A background export's file: it holds what its requester could read, so only they fetch it.
  "export.download",
  // The national headquarters compares provinces (national users only).
  "province.compare",
  // Administration.
  "user.manage",
  "settings.manage",
  // The working calendar's corrections to the official holidays (lunar dates, closures).
  "calendar.manage",
  // A national administrator opens a province and its first secretariat account.
  "province.manage",
  // Tokens for other systems: an administrator, or an agency user for their own agency.
  "apiToken.manage",
  // A unit's applicant files and follows their own requests (issue #32); the request's
  // applicant is its `ownerId`. They never read the working group's cases (`case.read`).
  "request.file",
  // The secretariat's intake of applicants' requests: accept, ask for documents, reject,
  // mark as a duplicate.
  "request.intake",
] as const;
export type Action = (typeof ACTIONS)[number];

const has = (actor: Actor, role: Role) => actor.roles.includes(role);

/** Which roles may perform an action, before ownership and province are considered. */
const ROLES_FOR: Record<Action, readonly Role[]> = {
  "case.read": ["ADMIN", "SECRETARIAT", "CHAIR", "AGENCY", "MEMBER"],
  "unit.write": ["ADMIN", "SECRETARIAT"],
  "obstacle.write": ["ADMIN", "SECRETARIAT"],
  "agency.write": ["ADMIN", "SECRETARIAT"],
  // Membership is reference data of the province (like agencies): the secretariat keeps it,
  // the administrator may set it up.
  "body.manage": ["ADMIN", "SECRETARIAT"],
  "meeting.write": ["SECRETARIAT"],
  "resolution.write": ["SECRETARIAT"],
  // Those in the session's room: the secretariat that runs it, the chair and the members.
  // Not a READ_ONLY action on purpose: a national viewer, a drill-down or an API token is
  // not in that province's hall, so none of them is shown its screen.
  "meeting.screen": ["SECRETARIAT", "CHAIR", "MEMBER"],
  "minutes.approve": ["CHAIR"],
  "resolution.report": ["AGENCY"],
  "resolution.requestExtension": ["AGENCY"],
  "resolution.verify": ["SECRETARIAT"],
  "extension.decide": ["SECRETARIAT"],
  "resolution.return": ["AGENCY"],
  "notice.acknowledge": ["AGENCY"],
  "return.decide": ["SECRETARIAT"],
  "resolution.plan": ["SECRETARIAT"],
  "resolution.remind": ["SECRETARIAT"],
  "letter.issue": ["SECRETARIAT"],
  "sms.outbox": ["ADMIN", "SECRETARIAT"],
  "letter.absence": ["CHAIR"],
  "notifications.own": ["ADMIN", "SECRETARIAT", "CHAIR", "AGENCY", "MEMBER", "APPLICANT"],
  "chairDesk.view": ["CHAIR"],
  "agencyInbox.view": ["AGENCY"],
  "dashboard.view": ["SECRETARIAT", "CHAIR", "ADMIN"],
  "audit.read": ["SECRETARIAT", "ADMIN"],
  "audit.raw": ["ADMIN"],
  "export.download": ["ADMIN", "SECRETARIAT", "CHAIR", "AGENCY", "MEMBER"],
  "province.compare": ["ADMIN", "SECRETARIAT", "CHAIR", "MEMBER"],
  "user.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  "calendar.manage": ["ADMIN"],
  "province.manage": ["ADMIN"],
  "apiToken.manage": ["ADMIN", "AGENCY"],
  "request.file": ["APPLICANT"],
  "request.intake": ["SECRETARIAT"],
};

const READ_ONLY: ReadonlySet<Action> = new Set([
  "case.read",
  // Marking one's own notifications read changes nothing anyone else sees.
  "notifications.own",
  "chairDesk.view",
  "agencyInbox.view",
  "dashboard.view",
  "audit.read",
  "audit.raw",
  "export.download",
  "province.compare",
  "sms.outbox",
]);
/** Actions about the whole country: a provincial user has no business with them. */
const NATIONAL_ONLY: ReadonlySet<Action> = new Set(["province.compare", "province.manage"]);
/** Actions only the responsible agency's own users may take. */
const AGENCY_OWNED: ReadonlySet<Action> = new Set([
  "resolution.report",
  "resolution.requestExtension",
  "resolution.return",
  // A notice is addressed to one agency (its `responsibleAgencyId` here).
  "notice.acknowledge",
]);
/** Actions on a record of one user's own: someone else's answers as if it did not exist. */
const USER_OWNED: ReadonlySet<Action> = new Set(["request.file"]);
/** A national administrator manages accounts everywhere; every other national user only reads. */
const NATIONAL_WRITES: ReadonlySet<Action> = new Set([
  "user.manage",
  "settings.manage",
  "calendar.manage",
  "province.manage",
  "apiToken.manage",
]);

export function can(actor: Actor | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!actor) return false;
  if (!ROLES_FOR[action].some((role) => has(actor, role))) return false;
  if (actor.readOnly && !READ_ONLY.has(action)) return false;
  if (NATIONAL_ONLY.has(action) && actor.provinceId !== null) return false;

  if (actor.provinceId === null) {
    if (!READ_ONLY.has(action) && !(NATIONAL_WRITES.has(action) && has(actor, "ADMIN"))) return false;
  } else if (resource.provinceId !== undefined && resource.provinceId !== actor.provinceId) {
    return false;
  }

  if (action === "export.download") {
    return resource.ownerId != null && resource.ownerId === actor.id;
  }
  // Without an owner named, the question is whether they file requests at all (a new one).
  if (USER_OWNED.has(action)) return resource.ownerId === undefined || resource.ownerId === actor.id;
  // An inbox needs an agency to be the inbox of.
  if (action === "agencyInbox.view") return actor.agencyId !== null;
  if (AGENCY_OWNED.has(action)) {
    return actor.agencyId !== null && resource.responsibleAgencyId === actor.agencyId;
  }
  // An administrator issues tokens for any agency in reach; an agency user only for their own.
  // Without an agency named, the question is whether they manage any tokens at all (the menu).
  if (action === "apiToken.manage" && !has(actor, "ADMIN")) {
    if (actor.agencyId === null) return false;
    return resource.agencyId === undefined || resource.agencyId === actor.agencyId;
  }
  return true;
}

/**
 * Whether an actor's API tokens are bound to their own agency: an agency user's are (they
 * issue and see only their agency's); an administrator's are not (any agency in reach, or
 * none). The same rule can(…, "apiToken.manage", { agencyId }) applies to one agency;
 * lib/api/tokens.ts asks this for the scope of its queries and for the token it creates.
 */
export function tokensBoundToOwnAgency(actor: Actor): boolean {
  return !has(actor, "ADMIN");
}

/**
 * A national viewer looking at one province (the comparison's drill-down): the same queries
 * run with that province's scope, and the narrowed actor may only read. A provincial user
 * may only "narrow" to their own province.
 */
export function narrowToProvince<A extends Actor>(actor: A, provinceId: string): A {
  if (actor.provinceId === provinceId) return actor;
  if (actor.provinceId !== null) throw new ForbiddenError("province.compare");
  return { ...actor, provinceId, readOnly: true };
}

/** The applicant's own part of the site (issue #32). */
export const APPLICANT_HOME = "/apply/requests";

/** Where an actor lands after signing in: the page that serves their main job. */
export function homePath(actor: Pick<Actor, "roles">): string {
  if (actor.roles.includes("APPLICANT")) return APPLICANT_HOME;
  if (actor.roles.includes("SECRETARIAT")) return "/dashboard";
  if (actor.roles.includes("CHAIR")) return "/chair";
  if (actor.roles.includes("AGENCY")) return "/agency";
  if (actor.roles.includes("ADMIN")) return "/admin";
  return "/resolutions";
}

/**
 * The province filter for every query: a provincial user sees their province, a national
 * user every province. Spread it into Prisma `where` clauses of province-owned models.
 */
export function provinceWhere(actor: Pick<Actor, "provinceId">): { provinceId?: string } {
  return actor.provinceId === null ? {} : { provinceId: actor.provinceId };
}

/**
 * The province a write lands in: the writer's own. Records belong to the province of the
 * secretariat that writes them. Call after authorize(); can() refuses writes to national
 * users, so an authorised writer always has a province and this only narrows the type.
 */
export function writeProvince(actor: Actor, action: Action): string {
  if (actor.provinceId === null) throw new ForbiddenError(action);
  return actor.provinceId;
}

/** A refused action: an AppError (lib/errors.ts) whose code answers "not allowed". */
export class ForbiddenError extends AppError {
  constructor(action: Action) {
    super("forbidden");
    this.message = `forbidden: ${action}`;
    this.name = "ForbiddenError";
  }
}

/** For queries and mutations: throws unless `can(...)`; actions turn it into a message. */
export function authorize(
  actor: Actor | null | undefined,
  action: Action,
  resource?: Resource,
): asserts actor is Actor {
  if (!can(actor, action, resource)) throw new ForbiddenError(action);
}
