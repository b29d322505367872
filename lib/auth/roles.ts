// Role names usable on the client (the Prisma enum module is server-side generated code).
/** The staff roles an administrator assigns. */
export const ROLES = ["ADMIN", "SECRETARIAT", "CHAIR", "AGENCY", "MEMBER"] as const;
/**
 * Every role an account can hold: the staff roles and APPLICANT, which nobody assigns — a
 * unit's applicant signs themselves up with an e-mailed code (issue #32, lib/applicants).
 */
export const ALL_ROLES = [...ROLES, "APPLICANT"] as const;
export type RoleName = (typeof ALL_ROLES)[number];
