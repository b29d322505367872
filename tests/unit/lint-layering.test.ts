// The layering of CONVENTIONS.md is enforced by the linter: these breaches must fail it,
// and the ordinary directions must pass. Linted as text at paths inside the tree, so the
// import resolver sees the real modules.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

// The first lint loads the whole configuration and the TypeScript resolver: seconds on a busy machine.
describe("layering rules", { timeout: 60_000 }, () => {
  it("refuses the domain importing a component", async () => {
    const errors = await layeringErrors(
      "lib/units/zz-breach.ts",
      'import { Button } from "@/components/ui/button";\nexport const b = Button;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("refuses the domain importing a route", async () => {
    const errors = await layeringErrors(
      "lib/units/zz-breach.ts",
      'import Page from "@/app/(app)/units/(list)/page";\nexport const p = Page;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("refuses a component reaching the database client", async () => {
    const errors = await layeringErrors(
      "components/units/zz-breach.ts",
      'import { db } from "@/lib/db";\nexport const d = db;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("allows routes → components → domain, and the generated enums anywhere", async () => {
    expect(
      await layeringErrors(
        "app/(app)/zz-ok.tsx",
        'import { Button } from "@/components/ui/button";\nimport { db } from "@/lib/db";\nexport const x = [Button, db];\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "components/units/zz-ok.ts",
        'import type { Sector } from "@/lib/generated/prisma/enums";\nimport { normalizeText } from "@/lib/i18n/normalize";\nexport type S = Sector;\nexport const n = normalizeText;\n',
      ),
    ).toEqual([]);
  });
});
