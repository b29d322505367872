// Loading skeletons (loading.tsx) and the status codes they could cost. A page inside a
// loading boundary answers after its 200 has been sent, so:
// - the route's own layout must check the permission first (a refusal stays a 403);
// - no page at or below a loading.tsx may answer "not found" (it would be a 200); routes
//   whose pages look a record up by id (units/[id], meetings/[id] …) have none, until their
//   pages stream their data in a Suspense of their own; their lists keep theirs in a route
//   group, `(list)`, beside the record pages rather than above them.
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

/** The routes where a reader waits longest, which must show a skeleton. */
const MUST_HAVE = [
  "dashboard",
  "reports",
  "chair",
  "agency",
  "provinces",
  "obstacles",
  "search",
  "notifications",
  "exports",
  "meetings/bodies",
  "admin/audit",
  "admin/calendar",
  "units/(list)",
  "meetings/(list)",
  "resolutions/(list)",
  "agencies/(list)",
];
/** Pages that may answer "not found" for a bad parameter below a skeleton, and why. */
const NOT_FOUND_ALLOWED: Record<string, string> = {
  "app/(app)/dashboard/page.tsx": "a hand-edited drill-down ?province shows not-found with 200",
};

const loadings = files("app", "loading.tsx");

describe("loading states", () => {
  it.each(MUST_HAVE)("%s shows a skeleton while it loads", (route) => {
    expect(existsSync(path.join("app/(app)", route, "loading.tsx"))).toBe(true);
  });

  it.each(loadings)("%s: the layout beside it checks the permission first", (loading) => {
    const layout = path.join(path.dirname(loading), "layout.tsx");
    expect(
      existsSync(layout) && /permissionLayout\(|requirePermission\(/.test(readFileSync(layout, "utf8")),
    ).toBe(true);
  });

  it.each(loadings)("%s: no page below it answers not-found", (loading) => {
    const pages = files(path.dirname(loading), "page.tsx").filter((p) => !(p in NOT_FOUND_ALLOWED));
    for (const page of pages) expect(readFileSync(page, "utf8"), page).not.toMatch(/notFound\(/);
  });
});
