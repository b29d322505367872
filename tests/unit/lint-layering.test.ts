// The layering of docs/architecture.md is enforced by the linter (eslint.config.mjs): each
// forbidden arrow must fail it, and the ordinary directions must pass. Linted as text at paths
// inside the tree, so the import resolver sees the real modules.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

const importing = (spec: string, name: string) =>
  `import { ${name} } from "${spec}";\nexport const x = ${name};\n`;

/** [from file, imported module, imported name]: each must fail `npm run lint`. */
const FORBIDDEN: [string, string, string, string][] = [
  ["a route reaching the database client", "app/(app)/zz-breach.tsx", "@/lib/db", "db"],
  ["a route reaching the read replica", "app/api/zz-breach/route.ts", "@/lib/db-read", "dbRead"],
  [
    "a route importing the generated Prisma enums",
    "app/(app)/zz-breach.tsx",
    "@/lib/generated/prisma/enums",
    "Sector",
  ],
  [
    "a route importing the generated client",
    "app/(app)/zz-breach.tsx",
    "@/lib/generated/prisma/client",
    "Prisma",
  ],
  [
    "a component importing the generated Prisma enums",
    "components/units/zz-breach.tsx",
    "@/lib/generated/prisma/enums",
    "Sector",
  ],
  ["a component reaching the database client", "components/units/zz-breach.ts", "@/lib/db", "db"],
  ["a component calling a mutation", "components/units/zz-breach.tsx", "@/lib/units/mutations", "createUnit"],
  ["i18n asking who is signed in", "lib/i18n/zz-breach.ts", "@/lib/auth/session", "getCurrentUser"],
  ["i18n reaching a domain module", "lib/i18n/zz-breach.ts", "@/lib/units/queries", "listUnits"],
  ["the domain importing a component", "lib/units/zz-breach.ts", "@/components/ui/button", "Button"],
  [
    "the domain importing a route",
    "lib/units/zz-breach.ts",
    "@/app/(app)/units/(list)/page",
    "default as Page",
  ],
  ["policy importing a component", "lib/auth/zz-breach.ts", "@/components/ui/button", "Button"],
];

// The first lint loads the whole configuration and the TypeScript resolver: seconds on a busy machine.
describe("layering rules", { timeout: 60_000 }, () => {
  for (const [what, file, spec, name] of FORBIDDEN) {
    it(`refuses ${what}`, async () => {
      const code = name.startsWith("default as ")
        ? `import ${name.slice(11)} from "${spec}";\nexport const x = ${name.slice(11)};\n`
        : importing(spec, name);
      expect(await layeringErrors(file, code)).toHaveLength(1);
    });
  }

  it("allows routes → components → domain → database, and screens take enums from the domain", async () => {
    expect(
      await layeringErrors(
        "app/(app)/zz-ok.tsx",
        'import { Button } from "@/components/ui/button";\nimport { unitListView } from "@/lib/units/views";\nimport { can } from "@/lib/auth/policy";\nimport { formatNumber } from "@/lib/i18n/format";\nexport const x = [Button, unitListView, can, formatNumber];\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "components/units/zz-ok.ts",
        'import type { OperatingStatus } from "@/lib/units/constants";\nimport { createUnitAction } from "@/lib/units/actions";\nimport { normalizeText } from "@/lib/i18n/normalize";\nexport type S = OperatingStatus;\nexport const n = [normalizeText, createUnitAction];\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "lib/units/zz-ok.ts",
        'import { db } from "@/lib/db";\nimport { Sector } from "@/lib/generated/prisma/enums";\nimport { authorize } from "@/lib/auth/policy";\nexport const x = [db, Sector, authorize];\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "lib/i18n/zz-ok.ts",
        'import units from "@/lib/units/messages";\nimport { formatNumber } from "@/lib/i18n/format";\nexport const x = [units, formatNumber];\n',
      ),
    ).toEqual([]);
  });
});
