import { expect, test } from "./fixtures";
import { MAY_BE_ABSENT, openAs, pageIds, ROLES, SAMPLE_IDS, type Ids } from "./role-pages";

// Issue #30, phones at 390 px: the dashboard scrolled 12 px sideways (chart cards), the minutes
// 23 px in Persian and 102 px in English, lists hid their status column, the notices table was
// not stacked, and Persian pages showed Latin digits (minutes' numbering, prefilled forms, the
// API docs). Every page of every role (the list in role-pages.ts, which the accessibility sweep
// opens too; decision 301), in Persian and in English, must:
//  - not scroll sideways: the document is no wider than the window;
//  - in Persian, show no Latin digit [0-9] in its visible text, except what is data rather than
//    Persian prose. The rule: text inside form fields (input, textarea, select: what someone
//    typed or will type), inside code or pre (the API's examples, raw changes), and inside an
//    element marked left to right (dir="ltr": e-mail addresses, web addresses, tracking and
//    verification codes, hashes, which the app marks so, because they are typed or read as
//    Latin), and inside a Latin phrase in Persian text: a run between Persian letters or
//    digits that holds a Latin letter (SHA-256, UTF-8, OpenAPI 3.1, Windows-1256 are names).
//    Numbers the app prints itself (counts, dates, numbering, phones, ids) are in Persian digits.
// One navigation a page with a minted session (no sign-in form, no axe): the whole sweep costs
// about a second a page. Roles with many pages are split into parts, so two workers share them.

const PHONE = { width: 390, height: 844 };
const PER_TEST = 9;

let ids: Ids;
let cleanUp: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  ({ ids, cleanUp } = await pageIds());
});

test.afterAll(async () => {
  await cleanUp?.();
});

test.describe.configure({ mode: "parallel" });

for (const lang of ["fa", "en"] as const)
  for (const role of ROLES)
    for (let part = 0; part * PER_TEST < role.pages(SAMPLE_IDS).length; part++)
      test(`at 390 px the ${role.name}'s pages in ${lang} do not scroll sideways${lang === "fa" ? " and show Persian digits" : ""} (${part + 1})`, async ({
        browser,
      }) => {
        const { page, path: own } = await openAs(browser, role.demo, lang, PHONE);
        const paths = role
          .pages(ids)
          .slice(part * PER_TEST, (part + 1) * PER_TEST)
          .map(own);
        test.setTimeout(30_000 + paths.length * 10_000);
        const findings: string[] = [];
        for (const path of paths) {
          const response = await page.goto(path);
          const status = response?.status() ?? 0;
          if (status >= 400 && !(MAY_BE_ABSENT.has(path) && status === 404)) {
            findings.push(`${path}: answered ${status}`);
            continue;
          }
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          const over = await page.evaluate(() => {
            const by = document.documentElement.scrollWidth - window.innerWidth;
            if (by <= 0) return null;
            // The innermost elements that stick out (not those inside a scrolling or clipping
            // box, which do not widen the page), to say where to look.
            const clipped = (el: HTMLElement) => {
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
                if (getComputedStyle(a).overflowX !== "visible") return true;
              return false;
            };
            const wide = [...document.querySelectorAll<HTMLElement>("body *")]
              .filter((el) => {
                const box = el.getBoundingClientRect();
                return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1) && !clipped(el);
              })
              .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
              .slice(0, 4)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 40)}`);
            return `${by}px (${wide.join(" | ")})`;
          });
          if (over) findings.push(`${path}: scrolls sideways by ${over}`);
          if (lang !== "fa") continue;
          const latin = await page.evaluate(() => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const hits: string[] = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!parent || parent.closest("script, style, code, pre, [dir=ltr], input, textarea, select"))
                continue;
              // Visible text only (what is hidden is not read; screen-reader text is checked).
              if (parent.offsetParent === null && getComputedStyle(parent).position !== "fixed") continue;
              // Runs of text between Persian letters and digits: a run with a Latin digit is
              // Persian prose printing a Latin digit unless it is a Latin phrase (has a letter).
              const text = node.textContent ?? "";
              for (const run of text.split(/[\u0600-\u06FF]+/))
                if (/[0-9]/.test(run) && !/[A-Za-z]/.test(run)) {
                  hits.push(`«${text.trim().slice(0, 40)}»`);
                  break;
                }
            }
            return hits.slice(0, 5);
          });
          if (latin.length) findings.push(`${path}: Latin digits ${latin.join(" ")}`);
        }
        await page.context().close();
        expect(findings, `phone sweep, ${role.name}, ${lang}:\n${findings.join("\n")}`).toEqual([]);
      });
