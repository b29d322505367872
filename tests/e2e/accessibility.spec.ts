// axe on every page of the app, as the roles that can see it, in Persian and in English
// (issue #15: no serious or critical violation anywhere). One test per role and language
// visits that role's pages in turn and reports every finding at once, page by page, so one
// run shows all that is left to fix. Each test signs in as an account of its own, a copy of
// the demo account with the language under test: a user's language lives on the account,
// and switching the demo accounts' would change the language other journeys run in.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { MAY_BE_ABSENT, openAs, pageIds, ROLES, SAMPLE_IDS, type Ids } from "./role-pages";

let ids: Ids;
let cleanUp: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  ({ ids, cleanUp } = await pageIds());
});

test.afterAll(async () => {
  await cleanUp?.();
});

// Six pages a test at most: the roles with many pages are split, so the two workers share
// them and one slow page cannot take a whole role's findings down with it.
const PER_TEST = 6;
test.describe.configure({ mode: "parallel" });

for (const lang of ["fa", "en"] as const)
  for (const role of ROLES)
    for (let part = 0; part * PER_TEST < role.pages(SAMPLE_IDS).length; part++)
      test(`axe finds no serious or critical violation on the ${role.name}'s pages in ${lang} (${part + 1})`, async ({
        browser,
      }) => {
        const { page, path: own } = await openAs(browser, role.demo, lang);
        const paths = role
          .pages(ids)
          .slice(part * PER_TEST, (part + 1) * PER_TEST)
          .map(own);
        // A page's load and axe's ~90 rules take a few seconds on an idle machine, up to twenty on
        // a shared one at load 20.
        test.setTimeout(30_000 + paths.length * 20_000);
        const findings: string[] = [];
        for (const path of paths) {
          const response = await page.goto(path);
          const status = response?.status() ?? 0;
          if (status >= 400 && !(MAY_BE_ABSENT.has(path) && status === 404)) {
            findings.push(`${path}: answered ${status}`);
            continue;
          }
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          // Legacy mode runs axe once in the page; the default injects it a second time into a
          // blank page to merge results across frames, which costs seconds a page and buys
          // nothing here (the app has no iframes). Violations only: collecting every passing
          // node as well doubles axe's time.
          const { violations } = await new AxeBuilder({ page })
            .setLegacyMode(true)
            .options({ resultTypes: ["violations"] })
            .analyze();
          for (const v of violations) {
            if (v.impact !== "serious" && v.impact !== "critical") continue;
            const where = v.nodes
              .slice(0, 5)
              .map((n) => n.target.join(" "))
              .join(" | ");
            findings.push(
              `${path}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length}× e.g. ${where}${v.nodes.length > 5 ? " …" : ""})`,
            );
          }
        }
        await page.context().close();
        expect(findings, `axe, ${role.name}, ${lang}:\n${findings.join("\n")}`).toEqual([]);
      });
