import fc from "fast-check";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FormState } from "@/lib/core/form-state";
import { fill, loadMatrix, type Caller } from "../authz/matrix";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { firmFingerprint } from "../helpers/fingerprint";
import { addSsoProviderRecord } from "../helpers/sso";
import { addWebhookRecords } from "../helpers/webhooks";
import { addFeedbackLinkRecords, addReviewRecords, createTestFirm, formData, sessionFor } from "../helpers/fixtures";
import { fuzzedFields } from "../helpers/fuzz";

const root = path.resolve(__dirname, "..", "..");
const modules = import.meta.glob<Record<string, unknown>>(["../../app/**/*actions.ts", "../../app/**/actions.ts"], { eager: true });
const GENERIC = /Something went wrong on our side/;
// FUZZ_RUNS is the per-schema budget (1,000 in CI); each action (a database round trip per input) gets a hundredth, at least 10.
const runs = Math.max(10, Math.floor(Number(process.env.FUZZ_RUNS ?? 1000) / 100));

function loadAction(id: string) {
  const [file, name] = id.split("#") as [string, string];
  const key = Object.keys(modules).find((k) => path.resolve(__dirname, k) === path.join(root, file));
  return modules[key!]![name] as (prev: FormState, fd: FormData) => Promise<FormState>;
}

/**
 * Every form action, fed generated input by the most privileged caller the
 * matrix allows: it never fails with an internal error (a 5xx), and input it
 * refuses changes nothing.
 */
describe("server actions under generated input", () => {
  const database = useFreshDatabase();
  const entries = loadMatrix().actions.filter((e) => e.fields && Object.keys(e.fields).length > 0);

  for (const entry of entries) {
    const caller = (["admin", "recruiter", "candidate"] as Caller[]).find((c) => entry.expect[c] === "ok") ?? "admin";
    it(`${entry.id} handles ${runs} generated inputs as ${caller}`, async () => {
      useDatabaseForRequests(database.current);
      const db = database.current.db;
      const a = await createTestFirm(db, "fz-a");
      const b = await createTestFirm(db, "fz-b");
      const review = await addReviewRecords(db, a);
      const links = await addFeedbackLinkRecords(db, a, review);
      const webhooks = await addWebhookRecords(db, a);
      await addSsoProviderRecord(db, a);
      const person = caller === "admin" ? a.admin : caller === "recruiter" ? a.recruiter : a.candidateUser;
      const base = Object.fromEntries(
        Object.entries(entry.fields!).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => fill(x, { a: { ...a, review, links, webhooks }, b, actor: {} })) : fill(v, { a: { ...a, review, links, webhooks }, b, actor: { otherSessionId: a.firmId } })]),
      );
      const action = loadAction(entry.id);
      await fc.assert(
        fc.asyncProperty(fuzzedFields(base, [b.candidateId, b.interviewId, b.firmId, b.jobId]), async (fields) => {
          signedInAs(await sessionFor(db, a, person));
          const before = await firmFingerprint(db, a.firmId);
          let result: FormState;
          try {
            result = await action({ ok: false }, formData(fields));
          } catch (err) {
            const digest = (err as { digest?: string }).digest ?? "";
            if (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return;
            throw err;
          }
          expect(result.formError ?? "").not.toMatch(GENERIC);
          if (!result.ok) {
            const after = await firmFingerprint(db, a.firmId);
            delete before.audit_events;
            delete after.audit_events;
            expect(after).toEqual(before);
          }
        }),
        { numRuns: runs },
      );
      signedInAs(null);
    }, 300_000);
  }
});
