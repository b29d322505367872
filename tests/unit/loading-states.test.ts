// Every page that reads the database shows a skeleton while it does (3–4 s on a busy server):
// a page folder without loading.tsx would leave the previous page frozen or a blank screen.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function pages(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) pages(full, out);
    else if (name === "page.tsx") out.push(full);
  }
  return out;
}

// Pages with nothing to wait for, and why.
const EXEMPT: Record<string, string> = {
  "app/(app)/admin/page.tsx": "redirects to the users page",
  "app/(public)/api-docs/page.tsx": "static text; reads only the language cookie",
};

describe("loading states", () => {
  const all = [...pages("app/(app)"), ...pages("app/(public)")].filter((p) => !(p in EXEMPT));
  it.each(all)("%s has a loading.tsx skeleton", (page) => {
    expect(existsSync(path.join(path.dirname(page), "loading.tsx"))).toBe(true);
  });
});
