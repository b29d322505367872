// Role names usable on the client (the Prisma enum module is server-side generated code).
export const ROLES = ["ADMIN", "SECRETARIAT", "CHAIR", "AGENCY", "MEMBER"] as const;
export type RoleName = (typeof ROLES)[number];
