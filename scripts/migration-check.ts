// The expand-only rule for migrations (docs/deploy.md "Upgrades without downtime"), used by
// tests/unit/migrations-expand-only.test.ts: the statements of a migration that would break
// the release still running during an upgrade.

/**
 * Migrations from before the rule existed (session 6): two changed a column's collation in
 * place and one dropped a table it had made itself, each reviewed then.
 */
const BEFORE_THE_RULE = "20261201200000";

const CONTRACT = [
  /\bDROP\s+COLUMN\b/i,
  /\bDROP\s+TABLE\b/i,
  /\bRENAME\b/i,
  /\bALTER\s+COLUMN\s+"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i,
  /\bDROP\s+TYPE\b/i,
  /\bDROP\s+VALUE\b/i,
  // A required column without a default: the old release's inserts do not fill it and fail.
  /\bADD\s+COLUMN\s+"?\w+"?\s+[^,;]*\bNOT\s+NULL\b(?![^,;]*\bDEFAULT\b)(?<![^,;]*\bDEFAULT\b[^,;]*)/i,
];

/** The statements of `sql` that contract the schema, unless the migration marks itself as a contract step. */
export function contractSteps(name: string, sql: string): string[] {
  if (name.slice(0, 14) <= BEFORE_THE_RULE && /^\d{14}_/.test(name)) return [];
  if (/^--\s*contract:/m.test(sql)) return [];
  // A table made in this migration (a working table) may be dropped in it.
  const made = new Set(
    [...sql.matchAll(/CREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+"?(\w+)"?/gi)].map((m) => m[1]),
  );
  return sql
    .split(";")
    .map((statement) => statement.replace(/--.*$/gm, "").trim())
    .filter((statement) => CONTRACT.some((pattern) => pattern.test(statement)))
    .filter((statement) => {
      const dropped = statement.match(/^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?"?(\w+)"?$/i)?.[1];
      return !(dropped && made.has(dropped));
    });
}
