import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FormState } from "@/lib/core/form-state";
import { fill, loadMatrix, ROLES, type Caller } from "../authz/matrix";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { firmFingerprint } from "../helpers/fingerprint";
import { addSsoProviderRecord } from "../helpers/sso";
import { addWebhookRecords } from "../helpers/webhooks";
import { addFeedbackLinkRecords, addReviewRecords, createTestFirm, formData, sessionFor, type TestFirm, type TestPerson } from "../helpers/fixtures";

const root = path.resolve(__dirname, "..", "..");
const modules = import.meta.glob<Record<string, unknown>>(["../../app/**/*actions.ts", "../../app/**/actions.ts"], {
  eager: true,
});

function loadAction(id: string): (...args: unknown[]) => Promise<unknown> {
  const [file, name] = id.split("#") as [string, string];
  const key = Object.keys(modules).find((k) => path.resolve(__dirname, k) === path.join(root, file));
  const fn = key ? modules[key]![name] : undefined;
  if (typeof fn !== "function") throw new Error(`No action ${id}`);
  return fn as (...args: unknown[]) => Promise<unknown>;
}

type Outcome = { kind: "ok" | "denied"; detail: string };

async function run(fn: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    const r = (await fn(...args)) as FormState | undefined;
    if (r === undefined) return { kind: "ok", detail: "void" };
    return { kind: r.ok ? "ok" : "denied", detail: JSON.stringify(r).slice(0, 300) };
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) {
      return { kind: "ok", detail: `redirect ${digest.split(";")[2] ?? ""}` };
    }
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "denied", detail: "404" };
    throw err;
  }
}

/**
 * Every server action, called as each kind of caller with the fields the
 * matrix gives (aimed at firm A's records). "denied" must also leave firm A's
 * rows exactly as they were.
 */
describe("authorization matrix: server actions", () => {
  const database = useFreshDatabase();
  const matrix = loadMatrix();

  for (const entry of matrix.actions) {
    describe(entry.id, () => {
      for (const caller of ROLES) {
        it(`${entry.expect[caller] === "ok" ? "allows" : "denies"} ${caller}`, async () => {
          useDatabaseForRequests(database.current);
          const db = database.current.db;
          const a: TestFirm = await createTestFirm(db, "a");
          const b: TestFirm = await createTestFirm(db, "b");
          // What the review, task and scorecard actions work on ({a.review.taskId}, …).
          const review = await addReviewRecords(db, a);
          const links = await addFeedbackLinkRecords(db, a, review);
          const webhooks = await addWebhookRecords(db, a);
          await addSsoProviderRecord(db, a);
          const who: Record<Exclude<Caller, "anonymous">, [TestFirm, TestPerson]> = {
            candidate: [a, a.candidateUser],
            recruiter: [a, a.recruiter],
            admin: [a, a.admin],
            otherFirmAdmin: [b, b.admin],
          };
          let actor: Record<string, unknown> = { otherSessionId: "00000000-0000-7000-8000-000000000000" };
          if (caller === "anonymous") {
            signedInAs(null);
          } else {
            const [firm, person] = who[caller];
            const other = await sessionFor(db, firm, person);
            signedInAs(await sessionFor(db, firm, person));
            actor = { otherSessionId: other.sessionId };
          }
          const values = { a: { ...a, review, links, webhooks }, b, actor };
          const fields = Object.fromEntries(
            Object.entries(entry.fields ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => fill(x, values)) : fill(v, values)]),
          );
          const args = entry.args ?? [{ ok: false }, formData(fields)];
          const before = await firmFingerprint(db, a.firmId);
          const outcome = await run(loadAction(entry.id), args);
          expect(outcome.kind, outcome.detail).toBe(entry.expect[caller]);
          if (outcome.kind === "denied") {
            const after = await firmFingerprint(db, a.firmId);
            // Failed sign-in attempts are recorded (audit, throttle); nothing else may change.
            delete after.audit_events;
            delete before.audit_events;
            expect(after).toEqual(before);
          }
          signedInAs(null);
        });
      }
    });
  }
});
