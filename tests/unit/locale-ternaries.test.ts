// Language-dependent choices live in lib/i18n (localName, formatList, formatPercent, the
// plural forms of the catalogue, direction, isRtl): a `locale === "fa"` anywhere else is a
// hand-rolled copy of one of them (issue #28 counted 20). This test keeps the count at zero.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib"];
const SKIP = new Set(["lib/i18n", "lib/generated", "node_modules", ".next"]);
const TERNARY = /\blocale\s*[!=]==?\s*["'](fa|en)["']|["'](fa|en)["']\s*[!=]==?\s*locale\b/;

function sources(dir: string): string[] {
  if (SKIP.has(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("locale choices", () => {
  it('no `locale === "fa"` outside lib/i18n', () => {
    const hits = ROOTS.flatMap(sources).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (TERNARY.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it("the pattern catches the shapes it is meant to", () => {
    for (const line of [
      'const n = locale === "fa" ? a.nameFa : a.nameEn;',
      "x.join(locale !== 'en' ? '، ' : ', ')",
      '"fa" === locale',
    ])
      expect(TERNARY.test(line), line).toBe(true);
    expect(TERNARY.test("const rtl = isRtl(locale);")).toBe(false);
  });
});
