// Looking a key up in a catalogue, shared by the server (whole catalogue of one language)
// and the browser (only the namespaces its components need; see components/ui/messages.tsx).
// Imports only types, so a client bundle that uses it carries no catalogue.
import type { Locale, Translate } from "./messages";

export type Catalogue = Record<string, unknown>;

/**
 * This Jalali year in Tehran, in Persian or Latin digits: date examples in hints and
 * placeholders («مثلاً {jalaliYear}/۰۳/۱۰») follow the calendar instead of saying 1404 in 1405
 * (issue #30). The digits follow the message's script, as every other number in it.
 */
function jalaliYearFor(text: string): string {
  const year =
    new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", { timeZone: "Asia/Tehran", year: "numeric" })
      .formatToParts(new Date())
      .find((p) => p.type === "year")?.value ?? "";
  return /[\u0600-\u06ff]/.test(text) ? year.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d) : year;
}

/**
 * A message that depends on a number: one form per plural category of the language
 * (Intl.PluralRules: English "one"/"other"; Persian counts nouns in the singular, so its
 * two forms are usually the same). `one` and `other` are required; `other` is the fallback.
 */
export interface Plural {
  zero?: string;
  one: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

const PLURAL_FORMS = new Set(["zero", "one", "two", "few", "many", "other"]);

/** The catalogue entry naming the language of a catalogue sent to the browser. */
export const CATALOGUE_LOCALE = "$locale";

// Only the plural categories, `one` and `other` among them: a namespace with a key `other`
// (resolutions.auditAction) is no plural.
const isPlural = (node: unknown): node is Plural =>
  typeof node === "object" &&
  node !== null &&
  typeof (node as Plural).one === "string" &&
  typeof (node as Plural).other === "string" &&
  Object.keys(node).every((k) => PLURAL_FORMS.has(k));

/** `count` as given: a number, or the number already written in the reader's digits. */
function countOf(value: string | number | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  const latin = value
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[٬,\s]/g, "")
    .replace("٫", ".");
  const n = Number(latin);
  return latin !== "" && Number.isFinite(n) ? n : null;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralForm(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

export function createTranslator(catalogue: Catalogue, locale?: Locale): Translate {
  const language =
    locale ?? (typeof catalogue[CATALOGUE_LOCALE] === "string" ? catalogue[CATALOGUE_LOCALE] : "fa");
  return (key, params) => {
    let node: unknown = catalogue;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    if (isPlural(node)) {
      const count = countOf(params?.count);
      node = count === null ? node.other : (node[pluralForm(language, count)] ?? node.other);
    }
    const raw = typeof node === "string" ? node : key;
    const text = raw.includes("{jalaliYear}") ? raw.replaceAll("{jalaliYear}", jalaliYearFor(raw)) : raw;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}
