/**
 * `npm run test:scale-out`: starts the scale-out topology (the same code as
 * `npm run scale-out`: HAProxy, two app instances and a worker, PgBouncer, a
 * PostgreSQL primary and replica) and tests that the app behaves as one app
 * across its instances. Then runs the integration suite's row-level security
 * cases through the topology's PgBouncer. Bounded: a run that takes longer
 * than RUN_LIMIT_MS stops everything and fails.
 *
 * Prints the numbers of the SIGTERM and restart runs for tests/bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import { startSmtp } from "../helpers/smtp";
import { startTopology, type Topology } from "@/lib/platform/cli/scale-out/topology";
import { registerCases } from "./cases";

const RUN_LIMIT_MS = 12 * 60_000;

const limit = setTimeout(() => {
  console.error(`test:scale-out: still running after ${RUN_LIMIT_MS / 60_000} minutes; stopping.`);
  void (async () => {
    await ctx.topology?.stop().catch(() => {});
    process.exit(1);
  })();
}, RUN_LIMIT_MS);
limit.unref();

export interface Context {
  topology: Topology;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  numbers: string[];
}
const ctx: Partial<Context> = { numbers: [] };

before(async () => {
  ctx.smtp = await startSmtp();
  ctx.topology = await startTopology({
    testHooks: true,
    // The demo firms' plans give the reminder test its digests and reminders.
    seedDemo: true,
    smtpUrl: `smtp://127.0.0.1:${ctx.smtp.port}`,
    log: (line) => console.log(`# topology: ${line}`),
  });
});

after(async () => {
  await ctx.topology?.stop();
  await ctx.smtp?.close();
  if (ctx.numbers!.length) console.log(["", "Scale-out numbers:", ...ctx.numbers!.map((l) => `  ${l}`), ""].join("\n"));
});

registerCases(() => ctx as Context);

test("the integration suite's row-level security cases pass through PgBouncer (transaction pooling)", () => {
  const t = ctx.topology!;
  const r = spawnSync(
    process.execPath,
    [path.join("node_modules", "vitest", "vitest.mjs"), "run", "--project", "integration", "tests/integration/rls.test.ts", "tests/integration/isolation.test.ts"],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        // Test connections through PgBouncer; creating and dropping the
        // databases (which PgBouncer's pooled connections would block) directly.
        DATABASE_URL: t.pgbouncerUrlFor("postgres"),
        DATABASE_ADMIN_URL: t.primaryUrlFor("postgres"),
      },
      timeout: 5 * 60_000,
    },
  );
  if (r.status !== 0) throw new Error(`the RLS cases through PgBouncer failed (exit ${r.status ?? r.signal})`);
});
