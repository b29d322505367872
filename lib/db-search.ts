// Helpers for text search in database queries, shared by every domain's list and search.

/**
 * Prisma's `contains`/`startsWith` become LIKE '%…%' without escaping: escape the user's own
 * `%`, `_` and `\` so they match literally instead of as wildcards.
 */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
