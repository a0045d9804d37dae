/**
 * The scale-out tests proper (run.ts starts the topology and runs them in
 * order): sessions and writes across instances, the shared limits, the
 * reminders sent once with two job runners, an instance stopped under load,
 * and the primary restarted.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { test } from "node:test";
import autocannon from "autocannon";
import { completeDebrief } from "../helpers/debriefs";
import type { Context } from "./run";
import { actionId, DEBRIEF_ACTIONS, debriefAction, INSTANCE_HEADER, percentile, signIn, sql, testFirm } from "./support";
import { sleep } from "@/lib/platform/cli/scale-out/topology";

type CannonResult = Parameters<Parameters<typeof autocannon>[1]>[1];

const API_RATE_LIMIT = 120;
const MAX_RUNNING_EXPORTS = 2;

export function registerCases(context: () => Context) {
  test("a person signed in through the balancer stays signed in whichever instance answers", async () => {
    const { topology: t } = context();
    const firm = await testFirm(t.url, "scale-session");
    const cookie = await signIn(t.url, firm.recruiter.email, firm.password);
    const seen = new Map<string, number>();
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${t.url}/dashboard`, { headers: { cookie }, redirect: "manual" });
      const html = await res.text();
      assert.equal(res.status, 200, `request ${i + 1}: HTTP ${res.status} (${res.headers.get("location") ?? ""})`);
      assert.match(html, /No debrief yet from Cora Candidate/, `request ${i + 1} does not show the recruiter's dashboard`);
      const who = res.headers.get(INSTANCE_HEADER) ?? "(no X-Afterview-Instance header)";
      seen.set(who, (seen.get(who) ?? 0) + 1);
    }
    assert.deepEqual([...seen.keys()].sort(), ["a", "b"], `answered by: ${JSON.stringify(Object.fromEntries(seen))}`);
  });

  test("a debrief submitted on one instance is on the other instance's dashboard at once", async () => {
    const { topology: t } = context();
    const firm = await testFirm(t.url, "scale-debrief");
    const recruiter = await signIn(t.url, firm.recruiter.email, firm.password);
    const candidate = await signIn(t.url, firm.candidateUser.email, firm.password);
    const { a, b } = t.instances;
    const dashboardOnB = async () => {
      const res = await fetch(`${b.url}/dashboard`, { headers: { cookie: recruiter } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get(INSTANCE_HEADER), "b");
      return res.text();
    };
    assert.match(await dashboardOnB(), /No debrief yet from Cora Candidate/);
    const submit = actionId(path.resolve(t.distDir), DEBRIEF_ACTIONS, "submitDebriefAction");
    const r = await debriefAction(a.url, submit, { cookie: candidate, interviewId: firm.interviewId, version: null, draft: completeDebrief() });
    assert.equal(r.status, 200, r.text.slice(0, 400));
    assert.notEqual(r.version, null, `the submission was not saved: ${r.text.slice(0, 400)}`);
    assert.equal(r.instance, "a");
    const after = await dashboardOnB();
    assert.match(after, /Debrief from Cora Candidate to review/);
    assert.doesNotMatch(after, /No debrief yet from Cora Candidate/);
  });

  test("the BI token's rate limit holds across instances: 120 a minute in all, whichever instance answers", async () => {
    const { topology: t } = context();
    const firm = await testFirm(t.url, "scale-api");
    const token = `afv_${randomBytes(24).toString("base64url")}`;
    await sql(
      t.primaryUrl,
      `insert into api_tokens (firm_id, name, prefix, token_hash, created_by) values ($1, 'scale-out test', $2, $3, $4)`,
      [firm.firmId, token.slice(0, 10), createHash("sha256").update(token).digest("hex"), firm.admin.userId],
    );
    // A new token's window starts at its first request; 130 requests take a few seconds.
    const statuses: Record<string, Record<number, number>> = { a: {}, b: {} };
    const total = API_RATE_LIMIT + 10;
    const targets = [t.instances.a, t.instances.b];
    for (let i = 0; i < total; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, total - i) }, async (_, j) => {
          const instance = targets[(i + j) % 2]!;
          const res = await fetch(`${instance.url}/api/v1/pipeline`, { headers: { authorization: `Bearer ${token}` } });
          await res.arrayBuffer();
          const byStatus = statuses[instance.name]!;
          byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        }),
      );
    }
    const ok = (statuses.a![200] ?? 0) + (statuses.b![200] ?? 0);
    const limited = (statuses.a![429] ?? 0) + (statuses.b![429] ?? 0);
    assert.equal(ok, API_RATE_LIMIT, `answers: ${JSON.stringify(statuses)}`);
    assert.equal(limited, total - API_RATE_LIMIT, `answers: ${JSON.stringify(statuses)}`);
    assert.ok((statuses.a![200] ?? 0) > 0 && (statuses.b![200] ?? 0) > 0, "both instances served the token");
  });

  test("the firm's two-exports limit holds across instances", async () => {
    const { topology: t } = context();
    const firm = await testFirm(t.url, "scale-export");
    const admin = await signIn(t.url, firm.admin.email, firm.password);
    const exportOn = async (base: string) => {
      const res = await fetch(`${base}/api/exports/applications.csv`, { headers: { cookie: admin } });
      await res.arrayBuffer();
      return res.status;
    };
    // Each instance can export on its own.
    assert.equal(await exportOn(t.instances.a.url), 200);
    assert.equal(await exportOn(t.instances.b.url), 200);
    // Two downloads in progress (the rows an export writes while it streams),
    // one started on each instance: a third is refused on either.
    const running = await sql<{ id: string }>(
      t.primaryUrl,
      `insert into export_runs (firm_id, user_id, report, format) values ($1, $2, 'applications', 'csv'), ($1, $2, 'interviews', 'xlsx') returning id`,
      [firm.firmId, firm.admin.userId],
    );
    assert.equal(running.length, MAX_RUNNING_EXPORTS);
    assert.equal(await exportOn(t.instances.a.url), 429);
    assert.equal(await exportOn(t.instances.b.url), 429);
    assert.equal(await exportOn(t.url), 429);
    // One finishes: the next export, on whichever instance, is accepted.
    await sql(t.primaryUrl, `update export_runs set status = 'done', finished_at = now() where firm_id = $1 and id = $2`, [
      firm.firmId,
      running[0]!.id,
    ]);
    assert.equal(await exportOn(t.instances.b.url), 200);
  });

  test("one instance stopped (SIGTERM) during 30 s of traffic through the balancer: no failed request, no lost autosave", async () => {
    const { topology: t, numbers } = context();
    const firm = await testFirm(t.url, "scale-drain");
    const recruiter = await signIn(t.url, firm.recruiter.email, firm.password);
    const candidate = await signIn(t.url, firm.candidateUser.email, firm.password);
    const save = actionId(path.resolve(t.distDir), DEBRIEF_ACTIONS, "saveDebriefDraftAction");
    const seconds = 30;
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const cannon = (urlPath: string, headers: Record<string, string>) =>
      new Promise<CannonResult>((resolve, reject) => {
        const inst = autocannon({ url: `${t.url}${urlPath}`, connections: 4, duration: seconds, headers, timeout: 20 }, (err, result) =>
          err ? reject(err) : resolve(result),
        );
        inst.on("response", (_client, status, _bytes, ms) => {
          latencies.push(ms);
          statuses[status] = (statuses[status] ?? 0) + 1;
        });
      });
    // The candidate's form autosaves one save after another, each on the version the last one returned.
    const autosaves = { sent: 0, saved: 0, failed: [] as string[], version: null as number | null, lastText: "" };
    const until = Date.now() + seconds * 1000;
    const autosaveLoop = (async () => {
      while (Date.now() < until) {
        const n = autosaves.sent++;
        const text = `autosave ${n} ${randomBytes(4).toString("hex")}`;
        const t0 = performance.now();
        try {
          const r = await debriefAction(t.url, save, {
            cookie: candidate,
            interviewId: firm.interviewId,
            version: autosaves.version,
            draft: completeDebrief({ wentWell: text }),
          });
          latencies.push(performance.now() - t0);
          if (r.status === 200 && r.version !== null) {
            autosaves.saved++;
            autosaves.version = r.version;
            autosaves.lastText = text;
          } else {
            autosaves.failed.push(`HTTP ${r.status}: ${r.text.slice(0, 200)}`);
          }
        } catch (err) {
          autosaves.failed.push(err instanceof Error ? err.message : String(err));
        }
        await sleep(200);
      }
    })();
    const signInPage = cannon("/sign-in", {});
    const dashboard = cannon("/dashboard", { cookie: recruiter });
    await sleep(10_000);
    const stoppedAt = Date.now();
    process.kill(t.instances.b.pid, "SIGTERM");
    const [s, d] = await Promise.all([signInPage, dashboard, autosaveLoop]);
    const exitCode = await t.instances.b.exited;
    const requests = s.requests.total + d.requests.total + autosaves.sent;
    const errors = s.errors + s.timeouts + d.errors + d.timeouts;
    const non2xx = s.non2xx + d.non2xx;
    numbers.push(
      `SIGTERM under load (${seconds} s, 8 page connections + 1 autosave loop, instance b stopped at 10 s, exited ${exitCode} after ${((Date.now() - stoppedAt) / 1000).toFixed(0)} s at the latest): ` +
        `${requests} requests, ${errors} errors, ${non2xx} non-2xx, ${autosaves.failed.length} failed autosaves of ${autosaves.sent}; ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; statuses ${JSON.stringify(statuses)}`,
    );
    assert.equal(errors, 0, "connection errors or timeouts");
    assert.equal(non2xx, 0, `answers other than 2xx: ${JSON.stringify(statuses)}`);
    assert.deepEqual(autosaves.failed, []);
    assert.ok(autosaves.saved > 10, `only ${autosaves.saved} autosaves`);
    // The last autosave is what is stored, at the version it was given.
    const [stored] = await sql<{ version: number; went_well: string }>(
      t.primaryUrl,
      `select version, went_well from debriefs where firm_id = $1 and interview_id = $2`,
      [firm.firmId, firm.interviewId],
    );
    assert.equal(stored?.version, autosaves.version);
    assert.equal(stored?.went_well, autosaves.lastText);
  });
}
