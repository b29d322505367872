// Looking a key up in a catalogue, shared by the server (whole catalogue of one language)
// and the browser (only the namespaces its components need; see components/ui/messages.tsx).
// Imports only types, so a client bundle that uses it carries no catalogue.
import type { Translate } from "./messages";

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

export function createTranslator(catalogue: Catalogue): Translate {
  return (key, params) => {
    let node: unknown = catalogue;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    const raw = typeof node === "string" ? node : key;
    const text = raw.includes("{jalaliYear}") ? raw.replaceAll("{jalaliYear}", jalaliYearFor(raw)) : raw;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}
