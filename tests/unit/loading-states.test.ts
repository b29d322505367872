// Loading skeletons and the status codes they could cost. Every page that queries the
// database shows a skeleton while it waits (issue #17: "skeletons, not spinners over blank"),
// in one of two ways:
// - a loading.tsx at or above the page. The page then answers after its 200 has been sent, so
//   the layout beside the loading.tsx checks the permission first (a refusal stays a 403), and
//   no page at or below it may answer "not found" (it would be a 200). Lists beside record
//   pages keep theirs in a route group, `(list)`;
// - a <Suspense fallback={<PageSkeleton …/>}> in the page itself, after the page has made the
//   checks that decide its status: a cheap look-up of the record (notFound()) and the
//   permission, then the heavy part streams in. Record pages (units/[id], meetings/[id] …),
//   their forms, and the printed documents (the skeleton never prints: `no-print`) do this.
// A new page that queries without either fails here.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string, name: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files(full, name, out);
    else if (entry === name) out.push(full);
  }
  return out;
}

// The session check every page makes: not "a query" that needs a skeleton.
const SESSION = new Set(["lib/auth/session.ts", "lib/page.ts"]);
const DATABASE = new Set(["lib/db.ts", "lib/db-read.ts"]);

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.normalize(candidate);
  return null;
}

/**
 * Whether a module reaches the database through its imports while rendering: client modules
 * cannot, and server actions ("use server") run on a submit, not while the page loads.
 */
function queries(file: string, seen = new Set<string>()): boolean {
  if (DATABASE.has(file)) return true;
  if (seen.has(file) || SESSION.has(file) || !/\.tsx?$/.test(file)) return false;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (/^\s*["']use (client|server)["']/.test(source)) return false;
  for (const [, spec] of source.matchAll(/(?:from|import)\s+["']([^"']+)["']/g)) {
    const target = spec && resolveImport(file, spec);
    if (target && queries(target, seen)) return true;
  }
  return false;
}

/** The default export's body: where the page decides its status. */
function defaultExport(source: string): string {
  const start = source.indexOf("export default");
  const end = source.indexOf("\n}\n", start);
  return source.slice(start, end === -1 ? undefined : end);
}

const SUSPENSE_SKELETON = /<Suspense[\s\S]*?fallback=\{[\s\S]*?<PageSkeleton/;
// The record pages' frame (components/ui/record-page.tsx): the same Suspense and skeleton, after
// the same look-up, written once; and the form pages' frames beside it (formPage, recordFormPage).
const RECORD_PAGE = /^export default (recordPage|formPage|recordFormPage)\(/m;

const pages = files("app", "page.tsx");
const loadings = files("app", "loading.tsx");
const underLoading = (page: string) => {
  for (let dir = path.dirname(page); dir !== "app" && dir !== "."; dir = path.dirname(dir))
    if (existsSync(path.join(dir, "loading.tsx"))) return true;
  return false;
};
const querying = pages.filter((p) => queries(p));

describe("loading states", () => {
  it("finds the pages that query (the guard below is not vacuous)", () => {
    expect(querying).toContain("app/(app)/units/[id]/page.tsx");
    expect(querying).toContain("app/(app)/dashboard/page.tsx");
    expect(querying).not.toContain("app/(app)/meetings/new/page.tsx");
    expect(querying.length).toBeGreaterThan(30);
  });

  it.each(querying)("%s shows a skeleton while it queries", (page) => {
    const source = readFileSync(page, "utf8");
    expect(underLoading(page) || SUSPENSE_SKELETON.test(source) || RECORD_PAGE.test(source)).toBe(true);
  });

  it.each(pages.filter((p) => !underLoading(p) && SUSPENSE_SKELETON.test(readFileSync(p, "utf8"))))(
    "%s: decides not-found before its skeleton streams",
    (page) => {
      const main = defaultExport(readFileSync(page, "utf8"));
      const suspense = main.indexOf("<Suspense");
      expect(suspense).toBeGreaterThan(-1);
      // A notFound() in the part that streams is only a fallback for a record deleted meanwhile.
      const found = main.indexOf("notFound(");
      if (found !== -1) expect(found).toBeLessThan(suspense);
    },
  );

  it("the record page frame decides not-found before its skeleton streams", () => {
    const frame = readFileSync("components/ui/record-page.tsx", "utf8");
    const suspense = frame.indexOf("<Suspense");
    expect(suspense).toBeGreaterThan(-1);
    expect(frame.indexOf("notFound(")).toBeGreaterThan(-1);
    expect(frame.indexOf("notFound(")).toBeLessThan(suspense);
    expect(frame).toMatch(/fallback=\{<PageSkeleton/);
    // The frame is what these record pages are made of (so the pattern above is not dead).
    const framed = pages.filter((p) => RECORD_PAGE.test(readFileSync(p, "utf8")));
    for (const page of [
      "app/(app)/agencies/[id]/page.tsx",
      "app/(app)/notices/[id]/page.tsx",
      "app/(app)/letters/[id]/page.tsx",
      "app/(app)/meetings/[id]/brief/page.tsx",
    ])
      expect(framed).toContain(page);
  });

  it("the form page frames show the form's skeleton, after the record's not-found", () => {
    const frame = readFileSync("components/ui/record-page.tsx", "utf8");
    const formFrame = frame.slice(frame.indexOf("function FormFrame"));
    expect(formFrame).toMatch(/<Suspense fallback=\{<PageSkeleton shape="form"/);
    const recordForm = frame.slice(frame.indexOf("export function recordFormPage"));
    expect(recordForm.indexOf("notFound(")).toBeGreaterThan(-1);
    expect(recordForm.indexOf("notFound(")).toBeLessThan(recordForm.indexOf("<FormFrame"));
    const framed = pages.filter((p) => RECORD_PAGE.test(readFileSync(p, "utf8")));
    for (const page of ["app/(app)/units/new/page.tsx", "app/(app)/units/[id]/edit/page.tsx"])
      expect(framed).toContain(page);
  });

  it.each(loadings)("%s: the layout beside it checks the permission first", (loading) => {
    const layout = path.join(path.dirname(loading), "layout.tsx");
    expect(
      existsSync(layout) &&
        /permissionLayout\(|requirePermission\(|forbidden\(/.test(readFileSync(layout, "utf8")),
    ).toBe(true);
  });

  it.each(loadings)("%s: no page below it answers not-found", (loading) => {
    for (const page of files(path.dirname(loading), "page.tsx"))
      expect(readFileSync(page, "utf8"), page).not.toMatch(/notFound\(/);
  });

  it("never prints a skeleton", () => {
    const skeleton = readFileSync("components/ui/skeleton.tsx", "utf8");
    expect(skeleton).toMatch(/aria-busy="true" className="no-print /);
    expect(readFileSync("app/globals.css", "utf8")).toMatch(
      /@media print \{[\s\S]*?\.no-print \{\s*display: none !important;/,
    );
  });
});
