import { beforeAll, describe, expect, it } from "vitest";
import type { IsolationCase, IsolationCases, IsolationContext } from "../isolation/types";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, scopeOf } from "../helpers/fixtures";
import { useDatabaseForRequests } from "../helpers/context";
import { firmFingerprint as fingerprint } from "../helpers/fingerprint";

// A module is a file of db/queries or a folder with an index (its parts' exports are the index's).
const queryModules = import.meta.glob<Record<string, unknown>>(["../../db/queries/*.ts", "../../db/queries/*/index.ts"], { eager: true });
const caseModules = import.meta.glob<{ cases: Record<string, IsolationCases> }>("../isolation/*.cases.ts", { eager: true });

const allCases: Record<string, IsolationCases> = {};
for (const m of Object.values(caseModules)) {
  for (const [mod, cases] of Object.entries(m.cases)) allCases[mod] = { ...(allCases[mod] ?? {}), ...cases };
}

function isEmpty(r: unknown): boolean {
  if (r === null || r === undefined || r === false || r === 0) return true;
  if (Array.isArray(r)) return r.length === 0;
  return false;
}

describe("tenant isolation: firm B's scope on firm A's records", () => {
  const database = useFreshDatabase();
  let ctx: IsolationContext;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    const db = database.current.db;
    const a = await createTestFirm(db, "a");
    const b = await createTestFirm(db, "b");
    ctx = {
      db,
      a,
      b,
      bAdmin: scopeOf(db, b, b.admin),
      bRecruiter: scopeOf(db, b, b.recruiter),
      bCandidate: scopeOf(db, b, b.candidateUser),
    };
  });

  const exportsToCheck: [string, string, unknown][] = [];
  for (const [file, mod] of Object.entries(queryModules)) {
    const name = file.replace(/\/index\.ts$/, ".ts").split("/").pop()!.replace(/\.ts$/, "");
    for (const [exp, value] of Object.entries(mod)) exportsToCheck.push([name, exp, value]);
  }

  it("has a case for every export of db/queries (add new ones to tests/isolation/*.cases.ts)", () => {
    const missing = exportsToCheck
      .filter(([mod, exp]) => !exp.startsWith("unsafe") && typeof queryModules !== "undefined" && !allCases[mod]?.[exp])
      .filter(([, , v]) => typeof v === "function")
      .map(([mod, exp]) => `${mod}.${exp}`);
    expect(missing).toEqual([]);
  });

  for (const [mod, exp, fn] of exportsToCheck) {
    const c = allCases[mod]?.[exp];
    if (typeof fn !== "function" || exp.startsWith("unsafe") || !c || typeof c === "string") continue;
    it(`${mod}.${exp} reads and changes nothing of firm A`, async () => {
      const before = await fingerprint(ctx.db, ctx.a.firmId);
      let result: unknown;
      let threw: unknown;
      try {
        result = await (fn as (...args: unknown[]) => Promise<unknown>)(...(c as IsolationCase).args(ctx));
      } catch (err) {
        threw = err;
      }
      const after = await fingerprint(ctx.db, ctx.a.firmId);
      expect(after).toEqual(before);
      if (threw === undefined) {
        const ok = (c as IsolationCase).empty ? (c as IsolationCase).empty!(result) : isEmpty(result);
        expect(ok, `${mod}.${exp} returned ${JSON.stringify(result)?.slice(0, 300)}`).toBe(true);
        // Nothing in the result may carry one of firm A's ids.
        const text = JSON.stringify(result) ?? "";
        for (const id of [ctx.a.firmId, ctx.a.candidateId, ctx.a.interviewId, ctx.a.jobId, ctx.a.clientId]) {
          expect(text.includes(id), `${mod}.${exp} leaked ${id}`).toBe(false);
        }
      }
    });
  }
});
