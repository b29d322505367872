// Client components get their strings from the server, one language and only the
// namespaces sent by <ClientMessages> in the layouts above their pages (see
// components/ui/client-messages.tsx). A namespace missing there would show raw keys in
// the browser; a catalogue imported by a client component would ship both languages.
// Both are caught here, by reading the source.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";

const NAMESPACES = new Set(Object.keys(messages.fa));
const read = (file: string) => readFileSync(file, "utf8");
const isClient = (source: string) => /^\s*["']use client["']/.test(source);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Namespaces a source file uses: "ns.key" literals and `ns.${…}` templates. */
function usedNamespaces(source: string): Set<string> {
  const found = new Set<string>();
  for (const m of source.matchAll(/["'`]([a-zA-Z]+)\.(?:[a-zA-Z][a-zA-Z.]*)?(?:["'`]|\$\{)/g))
    if (m[1] && NAMESPACES.has(m[1])) found.add(m[1]);
  return found;
}

/** Namespaces sent by <ClientMessages namespaces={[…]}> in a file. */
function providedNamespaces(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/namespaces=\{\[([^\]]*)\]\}/g))
    for (const ns of m[1]?.matchAll(/"(\w+)"/g) ?? []) if (ns[1]) out.push(ns[1]);
  return out;
}

function resolveImport(spec: string): string | null {
  if (!spec.startsWith("@/")) return null;
  const base = spec.slice(2);
  for (const candidate of [`${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`])
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  return null;
}

/** The client components a file renders, directly or through other components. */
function clientComponents(file: string, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const m of read(file).matchAll(/from "(@\/components\/[^"]+)"/g)) {
    const target = m[1] ? resolveImport(m[1]) : null;
    if (!target || seen.has(target)) continue;
    seen.add(target);
    if (isClient(read(target))) out.push(target);
    out.push(...clientComponents(target, seen));
  }
  return out;
}

/** app/layout.tsx, app/(app)/layout.tsx, … down to the page's own folder. */
function layoutsAbove(page: string): string[] {
  const parts = path.dirname(page).split(path.sep);
  const layouts: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const layout = path.join(...parts.slice(0, i), "layout.tsx");
    if (statSync(layout, { throwIfNoEntry: false })?.isFile()) layouts.push(layout);
  }
  return layouts;
}

const pages = walk("app").filter((f) => /(page|error|not-found|forbidden)\.tsx$/.test(f));

describe("client components' strings", () => {
  it.each(pages)("%s sends every namespace its client components use", (page) => {
    const provided = new Set([page, ...layoutsAbove(page)].flatMap((f) => providedNamespaces(read(f))));
    const components = [...(isClient(read(page)) ? [page] : []), ...clientComponents(page)];
    const missing = components.flatMap((c) =>
      [...usedNamespaces(read(c))].filter((ns) => !provided.has(ns)).map((ns) => `${c}: ${ns}`),
    );
    expect(missing).toEqual([]);
  });

  it("no client component imports a message catalogue", () => {
    const offenders = walk("components")
      .concat(walk("app"))
      .filter((f) => isClient(read(f)))
      .filter((f) =>
        /import \{[^}]*\b(translator|messages|pickMessages)\b[^}]*\} from "@\/lib\/i18n\/messages"/.test(
          read(f),
        ),
      );
    expect(offenders).toEqual([]);
  });

  // Decision 123: importing a module that builds zod schemas brings all of zod (~30 KB gz)
  // into the browser. Followed through every module a client component imports, types aside.
  it("no client component reaches zod through its imports", () => {
    const resolveFrom = (from: string, spec: string): string | null => {
      const base = spec.startsWith("@/")
        ? spec.slice(2)
        : spec.startsWith(".")
          ? path.join(path.dirname(from), spec)
          : null;
      if (base === null) return null;
      for (const c of [`${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`, base])
        if (/\.tsx?$/.test(c) && statSync(c, { throwIfNoEntry: false })?.isFile()) return c;
      return null;
    };
    const valueImports = (source: string) =>
      [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1] ?? "");
    const chainToZod = (file: string, seen: Set<string>): string[] | null => {
      for (const spec of valueImports(read(file))) {
        if (spec === "zod" || spec.startsWith("zod/")) return [file];
        const target = resolveFrom(file, spec);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        // A "use server" module reaches the browser as references to its actions, not as code.
        if (/^\s*["']use server["']/.test(read(target))) continue;
        const chain = chainToZod(target, seen);
        if (chain) return [file, ...chain];
      }
      return null;
    };
    const offenders = walk("components")
      .concat(walk("app"))
      .filter((f) => isClient(read(f)))
      .flatMap((f) => {
        const chain = chainToZod(f, new Set([f]));
        return chain ? [chain.join(" → ")] : [];
      });
    expect(offenders).toEqual([]);
  });
});
