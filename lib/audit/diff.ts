// Before/after of an audit event as a list of changed fields, for people to read. Pure, so
// the page, the history sections and the unit tests share it.

export type FieldChange = { field: string; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields whose value differs, in the order they first appear (after's order wins for new
 * fields). A creation (no before) lists every field it set; a deletion every field it had.
 * Values that are not objects at all come back as one change with an empty field name.
 */
/** Columns that change with every edit and say nothing a reader of the history needs. */
const BOOKKEEPING = new Set(["version", "updatedAt"]);

export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b === null || isRecord(b)) && (a === null || isRecord(a))) {
    const from = b ?? {};
    const to = a ?? {};
    const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return fields
      .filter((field) => !BOOKKEEPING.has(field) && !same(from[field], to[field]))
      .map((field) => ({ field, before: from[field], after: to[field] }));
  }
  return same(b, a) ? [] : [{ field: "", before: b, after: a }];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?Z)?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Stored as digit strings because they are bigints (JSON has none): quantities, shown grouped.
 * Every other digit string is an identifier — a phone, a national id, a postcode — and keeps
 * its leading zero and stays ungrouped: 03431234567 is not «۳٬۴۳۱٬۲۳۴٬۵۶۷» (issue #30).
 */
const QUANTITIES_AS_STRINGS = new Set(["amountRials", "sizeBytes"]);

/** How a stored value reads: dates and numbers the way the rest of the app shows them. */
export function describeValue(
  value: unknown,
  fmt: {
    date: (iso: string) => string;
    dateTime: (iso: string) => string;
    number: (n: number) => string;
    /** Digits one by one in the reader's script (ids, phones). */
    digits: (s: string) => string;
    yes: string;
    no: string;
    none: string;
    separator: string;
  },
  field = "",
): string {
  if (value === null || value === undefined || value === "") return fmt.none;
  if (typeof value === "boolean") return value ? fmt.yes : fmt.no;
  if (typeof value === "number") return fmt.number(value);
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return fmt.date(value.slice(0, 10));
    if (ISO_TIME.test(value)) return fmt.dateTime(value);
    if (/^\d+$/.test(value))
      return QUANTITIES_AS_STRINGS.has(field) ? fmt.number(Number(value)) : fmt.digits(value);
    return value;
  }
  if (Array.isArray(value))
    return value.map((v) => describeValue(v, fmt, field)).join(fmt.separator) || fmt.none;
  return JSON.stringify(value);
}
