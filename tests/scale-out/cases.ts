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
import { PGBOUNCER_QUERY_WAIT_TIMEOUT_S } from "@/lib/platform/cli/scale-out/configs";
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

  test("reports, the BI API and the downloads are read from the replica (its pg_stat_statements count them)", async () => {
    const { topology: t } = context();
    const firm = await testFirm(t.url, "scale-replica");
    const token = `afv_${randomBytes(24).toString("base64url")}`;
    await sql(
      t.primaryUrl,
      `insert into api_tokens (id, firm_id, name, prefix, token_hash, created_by) values (gen_random_uuid(), $1, 'replica test', $2, $3, $4)`,
      [firm.firmId, token.slice(0, 10), createHash("sha256").update(token).digest("hex"), firm.admin.userId],
    );
    const admin = await signIn(t.url, firm.admin.email, firm.password);
    // The replica has what the primary just wrote before anything is asked of it.
    const [{ lsn }] = (await sql<{ lsn: string }>(t.primaryUrl, "select pg_current_wal_lsn()::text as lsn")) as [{ lsn: string }];
    for (let i = 0; i < 100; i++) {
      const [r] = await sql<{ caught: boolean }>(t.replicaUrl, "select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught", [lsn]);
      if (r?.caught) break;
      await sleep(100);
    }
    const readsOnReplica = async () => {
      const [r] = await sql<{ calls: string | null }>(
        t.replicaUrl,
        `select sum(calls)::text as calls from pg_stat_statements where query ilike '%applications%' and query not ilike '%pg_stat_statements%'`,
      );
      return Number(r?.calls ?? 0);
    };
    const before = await readsOnReplica();
    const asks: { url: string; headers: Record<string, string> }[] = [
      ...[t.instances.a, t.instances.b].flatMap((i): { url: string; headers: Record<string, string> }[] => [
        { url: `${i.url}/api/v1/pipeline`, headers: { authorization: `Bearer ${token}` } },
        { url: `${i.url}/api/exports/applications.csv`, headers: { cookie: admin } },
        { url: `${i.url}/reports`, headers: { cookie: admin } },
      ]),
    ];
    for (const ask of asks) {
      const res = await fetch(ask.url, { headers: ask.headers });
      await res.arrayBuffer();
      assert.equal(res.status, 200, `${ask.url}: HTTP ${res.status}`);
    }
    const after = await readsOnReplica();
    assert.ok(after - before >= asks.length, `the replica ran ${after - before} report queries for ${asks.length} requests`);
  });

  test("the BI token's rate limit holds across instances: 120 a minute in all, whichever instance answers", async () => {
    const { topology: t } = context();
    const firm = await testFirm(t.url, "scale-api");
    const token = `afv_${randomBytes(24).toString("base64url")}`;
    await sql(
      t.primaryUrl,
      `insert into api_tokens (id, firm_id, name, prefix, token_hash, created_by) values (gen_random_uuid(), $1, 'scale-out test', $2, $3, $4)`,
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
      `insert into export_runs (id, firm_id, user_id, report, format) values (gen_random_uuid(), $1, $2, 'applications', 'csv'), (gen_random_uuid(), $1, $2, 'interviews', 'xlsx') returning id`,
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

  test("with two job runners (instance a and the worker) and passes on both instances across a day's reminder times, each reminder and digest goes out once", async () => {
    const { topology: t, smtp } = context();
    // Nothing else in flight: every message from here on comes from the reminders.
    const quiet = async () => {
      let last = -1;
      for (let i = 0; i < 120; i++) {
        const [busy] = await sql<{ pending: number; jobs: number }>(
          t.primaryUrl,
          `select (select count(*)::int from email_outbox where status = 'pending') as pending,
                  (select count(*)::int from background_jobs where state in ('queued', 'running') and run_after <= now()) as jobs`,
        );
        if (busy!.pending === 0 && busy!.jobs === 0 && smtp.received.length === last) return;
        last = smtp.received.length;
        await sleep(1000);
      }
      throw new Error("the outbox and the job table did not settle within 2 minutes");
    };
    await quiet();
    const receivedBefore = smtp.received.length;
    const [{ since }] = (await sql<{ since: Date }>(t.primaryUrl, "select now() as since")) as [{ since: Date }];
    // A weekday two to three days ahead, every two hours in UTC: each firm's
    // morning (07:00–12:00 in its zone) holds at least two of the times.
    const day = new Date();
    day.setUTCHours(0, 0, 0, 0);
    day.setUTCDate(day.getUTCDate() + 2);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || day.getUTCDay() === 5) day.setUTCDate(day.getUTCDate() + 1);
    type Outcomes = Record<string, number>;
    type Pass = { digests: Outcomes; debriefReminders: Outcomes; planReminders: Outcomes; clientReminders: Outcomes };
    const totals: Record<string, Outcomes> = {};
    for (let hour = 0; hour <= 24; hour += 2) {
      const at = new Date(day.getTime() + hour * 3_600_000).toISOString();
      const passes = await Promise.all(
        [t.instances.a, t.instances.b, t.instances.a, t.instances.b].map(async (instance) => {
          const res = await fetch(`${instance.url}/api/test-support/reminders`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ at }),
          });
          assert.equal(res.status, 200, `pass at ${at} on ${instance.name}: ${res.status}`);
          return (await res.json()) as Pass;
        }),
      );
      for (const pass of passes) {
        for (const kind of ["digests", "debriefReminders", "planReminders", "clientReminders"] as const) {
          const sum = (totals[kind] ??= {});
          for (const [outcome, n] of Object.entries(pass[kind])) sum[outcome] = (sum[outcome] ?? 0) + n;
        }
      }
    }
    await quiet();
    const rows = await sql<{ to: string; status: string }>(
      t.primaryUrl,
      `select "to", status::text as status from email_outbox where created_at >= $1`,
      [since],
    );
    const received = smtp.received.slice(receivedBefore);
    const count = (keys: string[]) => {
      const m = new Map<string, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m].sort(([x], [y]) => x.localeCompare(y));
    };
    assert.deepEqual(
      rows.filter((r) => r.status !== "sent"),
      [],
      "every reminder's mail was sent",
    );
    assert.equal(received.length, rows.length, `SMTP received ${received.length} messages for ${rows.length} outbox rows`);
    // Each outbox row is one message at the sink: the same recipients, as many times.
    assert.deepEqual(count(received.map((m) => m.to.join(",").toLowerCase())), count(rows.map((r) => r.to.toLowerCase())));
    const sent = (kind: string) => totals[kind]?.sent ?? 0;
    context().numbers.push(
      `reminders: 13 times × 4 concurrent passes (a, b, a, b) plus the two pg-boss runners: ${rows.length} messages, ` +
        `passes' outcomes ${JSON.stringify(totals)}`,
    );
    assert.ok(sent("digests") >= 1, `no digest went out: ${JSON.stringify(totals)}`);
    assert.ok(sent("debriefReminders") + sent("planReminders") >= 1, `no reminder went out: ${JSON.stringify(totals)}`);
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
    process.kill(t.instances.b.pid, "SIGTERM");
    const [s, d] = await Promise.all([signInPage, dashboard, autosaveLoop]);
    const exitCode = await t.instances.b.exited;
    const requests = s.requests.total + d.requests.total + autosaves.sent;
    const errors = s.errors + s.timeouts + d.errors + d.timeouts;
    const non2xx = s.non2xx + d.non2xx;
    numbers.push(
      `SIGTERM under load (${seconds} s, 8 page connections + 1 autosave loop, instance b stopped at 10 s and exited ${exitCode}): ` +
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

  test("the primary restarted: pages answer 503 with the plain message in the gap, recover by themselves, and nothing written before is lost", async () => {
    const { topology: t, numbers } = context();
    const firm = await testFirm(t.url, "scale-restart");
    const recruiter = await signIn(t.url, firm.recruiter.email, firm.password);
    const candidate = await signIn(t.url, firm.candidateUser.email, firm.password);
    const save = actionId(path.resolve(t.distDir), DEBRIEF_ACTIONS, "saveDebriefDraftAction");
    const text = `written before the restart ${randomBytes(4).toString("hex")}`;
    const saved = await debriefAction(t.url, save, { cookie: candidate, interviewId: firm.interviewId, version: null, draft: completeDebrief({ wentWell: text }) });
    assert.notEqual(saved.version, null, saved.text.slice(0, 300));
    type Probe = { at: number; status: number; body: string };
    const probes: Probe[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const at = Date.now();
        try {
          const res = await fetch(`${t.url}/dashboard`, { headers: { cookie: recruiter }, redirect: "manual", signal: AbortSignal.timeout(20_000) });
          probes.push({ at, status: res.status, body: await res.text() });
        } catch (err) {
          probes.push({ at, status: 0, body: err instanceof Error ? err.message : String(err) });
        }
        await sleep(250);
      }
    })();
    await sleep(1500);
    // PgBouncer holds the first query of the gap for up to its query wait
    // timeout, and the pages' requests come one after another: a gap not
    // clearly longer than that timeout is waited out by one held request that
    // then answers 200, and no request sees the outage.
    const downMs = (PGBOUNCER_QUERY_WAIT_TIMEOUT_S + 3) * 1000;
    const { stoppedAt, startedAt } = await t.restartPrimary({ downMs });
    // Recovered: the dashboard answers again, by itself.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const last = probes.at(-1);
      if (last && last.at > startedAt && last.status === 200) break;
      await sleep(250);
    }
    await sleep(1000);
    polling = false;
    await poller;
    const during = probes.filter((p) => p.status !== 200);
    const firstDown = during[0];
    const backAt = probes.find((p) => firstDown && p.at > firstDown.at && p.status === 200)?.at;
    numbers.push(
      `primary restart (down ${((startedAt - stoppedAt) / 1000).toFixed(1)} s): ${probes.length} dashboard requests, ${during.length} answered 503, ` +
        `gap seen by the pages ${firstDown && backAt ? ((backAt - firstDown.at) / 1000).toFixed(1) : "?"} s, ` +
        `back ${backAt ? ((backAt - startedAt) / 1000).toFixed(1) : "?"} s after the primary accepted connections`,
    );
    const seen: Record<number, number> = {};
    for (const p of during) seen[p.status] = (seen[p.status] ?? 0) + 1;
    const late = during.filter((p) => p.status !== 503).map((p) => `${p.status} at ${((p.at - stoppedAt) / 1000).toFixed(1)} s`);
    numbers.push(`primary restart: answers in the gap ${JSON.stringify(seen)}; not 503 (time after the primary was down): ${late.join(", ") || "none"}`);
    assert.ok(during.length > 0, "no request saw the outage");
    // A request asked once the primary is down answers the plain 503; one in
    // flight while it shut down may have failed with it.
    for (const p of during.filter((x) => x.at >= stoppedAt)) {
      assert.equal(p.status, 503, `an answer in the gap was not the 503: ${p.status} ${p.body.slice(0, 300)}`);
      assert.match(p.body, /Afterview is briefly unavailable/);
    }
    assert.equal(probes.at(-1)?.status, 200, "the pages did not recover");
    assert.match(probes.at(-1)!.body, /Cora Candidate/);
    const [stored] = await sql<{ went_well: string }>(t.primaryUrl, `select went_well from debriefs where firm_id = $1 and interview_id = $2`, [
      firm.firmId,
      firm.interviewId,
    ]);
    assert.equal(stored?.went_well, text);
    // And the app reads it back after the restart.
    const again = await debriefAction(t.url, save, {
      cookie: candidate,
      interviewId: firm.interviewId,
      version: saved.version,
      draft: completeDebrief({ wentWell: `${text} (and after)` }),
    });
    assert.equal(again.version, (saved.version ?? 0) + 1, again.text.slice(0, 300));
  });
}
