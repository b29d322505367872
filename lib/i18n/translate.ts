// Looking a key up in a catalogue, shared by the server (whole catalogue of one language)
// and the browser (only the namespaces its components need; see components/ui/messages.tsx).
// Imports only types, so a client bundle that uses it carries no catalogue.
import type { Translate } from "./messages";

export type Catalogue = Record<string, unknown>;

export function createTranslator(catalogue: Catalogue): Translate {
  return (key, params) => {
    let node: unknown = catalogue;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === "string" ? node : key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}
