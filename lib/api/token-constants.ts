// Constants the forms (client components) need, kept apart from the zod schemas so that
// importing them does not ship zod to the browser (docs/decisions/123-zod-stays-on-the-server.md).
// token-schema.ts re-exports them: server code keeps one module to import from.

export const API_SCOPES = ["READ", "REPORT"] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

/** Validity periods offered; a token never lives longer than a year (it must be renewed). */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 180, 365] as const;
