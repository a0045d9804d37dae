import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The import direction of the layers (app → use cases → queries → core) is
 * enforced by `npm run lint`. These cases lint small sources as if they stood
 * at a path in the tree, so a loosened rule fails here.
 */
const eslint = new ESLint({ cwd: path.resolve(__dirname, "../.."), overrideConfig: { rules: { "@typescript-eslint/no-unused-vars": "off" } } });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer import rules", () => {
  // ESLint loads its configuration, plugins and the TypeScript parser on the
  // first lint: seconds on a busy machine. That is set-up, not a case, so it
  // happens here with its own time limit rather than inside the first test's.
  beforeAll(async () => {
    await eslint.lintText("export const x = 1;\n", { filePath: "lib/core/x.ts" });
  }, 120_000);

  it("refuses the table owner's connection in a page, a route and an action", async () => {
    for (const file of ["app/(staff)/candidates/page.tsx", "app/api/reports/route.ts", "app/(staff)/candidates/actions.ts"]) {
      const errors = await importErrors(file, `import { getDatabase } from "@/db/runtime";\nexport const x = getDatabase;\n`);
      expect(errors, file).toHaveLength(1);
      expect(errors[0]).toContain("row-level security");
    }
  });

  it("refuses the raw client and the demo seed in app/", async () => {
    expect(await importErrors("app/x/page.tsx", `import { openDatabase } from "@/db/client";\nexport const x = openDatabase;\n`)).toHaveLength(1);
    expect(await importErrors("app/x/page.tsx", `import { DEMO_LOGINS } from "@/db/seed";\nexport const x = DEMO_LOGINS;\n`)).toHaveLength(1);
  });

  it("lets a page read through scoped queries and call use cases", async () => {
    const source = `import { listCandidates } from "@/db/queries/candidates";\nimport { findInvitation } from "@/lib/auth/accounts";\nimport { STAGES } from "@/lib/core/vocabulary";\nexport const x = [listCandidates, findInvitation, STAGES];\n`;
    expect(await importErrors("app/(staff)/candidates/page.tsx", source)).toEqual([]);
  });

  it("refuses the owner connection in a use case, but not in sign-in, jobs or the launcher", async () => {
    const source = `import { getDatabase } from "@/db/runtime";\nexport const x = getDatabase;\n`;
    expect(await importErrors("lib/debriefs/submit-debrief.ts", source)).toHaveLength(1);
    expect(await importErrors("lib/auth/accounts.ts", source)).toEqual([]);
    expect(await importErrors("lib/jobs/runner.ts", source)).toEqual([]);
    expect(await importErrors("lib/platform/cli/start.ts", source)).toEqual([]);
  });

  it("allows a type from db/runtime anywhere (a type carries no connection)", async () => {
    expect(await importErrors("lib/email/send.ts", `import type { DbOrTx } from "@/db/runtime";\nexport type X = DbOrTx;\n`)).toEqual([]);
  });

  it("keeps everything below app/ from importing it", async () => {
    const source = `import { Button } from "@/app/_components/ui/button";\nexport const x = Button;\n`;
    for (const file of ["lib/plans/sync.ts", "db/queries/candidates.ts", "lib/core/vocabulary.ts"]) {
      expect(await importErrors(file, source), file).toHaveLength(1);
    }
  });

  it("keeps the query layer from importing a use case", async () => {
    expect(await importErrors("db/queries/debriefs.ts", `import { submitDebrief } from "@/lib/debriefs/submit-debrief";\nexport const x = submitDebrief;\n`)).toHaveLength(1);
    const allowed = `import { AppError } from "@/lib/core/errors";\nimport { env } from "@/lib/platform/env";\nimport { logger } from "@/lib/platform/logger";\nexport const x = [AppError, env, logger];\n`;
    expect(await importErrors("db/queries/debriefs.ts", allowed)).toEqual([]);
  });

  it("keeps the pure core pure", async () => {
    const core = "lib/core/follow-up/engine.ts";
    expect(await importErrors(core, `import { listCandidates } from "@/db/queries/candidates";\nexport const x = listCandidates;\n`)).toHaveLength(1);
    expect(await importErrors(core, `import { env } from "@/lib/platform/env";\nexport const x = env;\n`)).toHaveLength(1);
    expect(await importErrors(core, `import { homeFor } from "@/lib/auth/home";\nexport const x = homeFor;\n`)).toHaveLength(1);
    expect(await importErrors(core, `import { redirect } from "next/navigation";\nexport const x = redirect;\n`)).toHaveLength(1);
    expect(await importErrors(core, `import { interviews } from "@/db/schema/pipeline";\nexport const x = interviews;\n`)).toHaveLength(1);
    // The row type of a table is a fact about data, not a dependency on the database.
    expect(await importErrors(core, `import type { Debrief } from "@/db/schema/debriefs";\nexport type X = Debrief;\n`)).toEqual([]);
    expect(await importErrors(core, `import { STAGES } from "@/lib/core/vocabulary";\nimport { z } from "zod";\nexport const x = [STAGES, z];\n`)).toEqual([]);
  });
});
