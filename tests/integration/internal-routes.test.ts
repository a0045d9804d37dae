import { afterEach, describe, expect, it } from "vitest";
import { POST as benchDebrief } from "@/app/api/bench/debrief/route";
import { GET as benchMemory } from "@/app/api/bench/memory/route";
import { GET as benchPipeline } from "@/app/api/bench/pipeline/route";
import { POST as testSupportFirm } from "@/app/api/test-support/firm/route";
import { GET as testSupportSlow } from "@/app/api/test-support/slow/route";
import { POST as testSupportReminders } from "@/app/api/test-support/reminders/route";
import BenchPipelinePage from "@/app/bench/pipeline/page";
import { internalRoutes, resetEnvCache } from "@/lib/platform/env";
import { useFirm } from "../helpers/firms";



const KEYS = ["AFTERVIEW_ENV", "NODE_ENV", "APP_URL", "AFTERVIEW_TEST_HOOKS", "AFTERVIEW_BENCH_ROUTES"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function settings(values: Partial<Record<(typeof KEYS)[number], string | undefined>>): void {
  for (const k of KEYS) {
    const v = k in values ? values[k] : saved[k];
    if (v === undefined) delete process.env[k];
    else (process.env as Record<string, string>)[k] = v;
  }
  resetEnvCache();
}

async function notFoundPage(render: () => Promise<unknown>): Promise<boolean> {
  try {
    await render();
    return false;
  } catch (err) {
    return String((err as { digest?: string }).digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
  }
}

/**
 * The test-support and bench routes answer 404 in production whatever
 * AFTERVIEW_TEST_HOOKS and AFTERVIEW_BENCH_ROUTES say; the decision is made
 * once per process from the settings.
 */
describe("internal routes: test support and bench", () => {
  const { firm: a } = useFirm("internal", { requests: true });

  afterEach(() => settings({}));

  const calls = () => ({
    firm: () => testSupportFirm(new Request("http://localhost:3000/api/test-support/firm", { method: "POST", body: JSON.stringify({ label: "x" }) })),
    slow: () => testSupportSlow(new Request("http://localhost:3000/api/test-support/slow?ms=0")),
    reminders: () =>
      testSupportReminders(new Request("http://localhost:3000/api/test-support/reminders", { method: "POST", body: JSON.stringify({ at: new Date().toISOString() }) })),
    pipeline: () => benchPipeline(new Request(`http://localhost:3000/api/bench/pipeline?firm=${a.firmId}&recruiter=${a.recruiter.userId}`)),
    debrief: () =>
      benchDebrief(new Request("http://localhost:3000/api/bench/debrief", { method: "POST", body: JSON.stringify({ debriefId: "not an id" }) })),
    memory: () => benchMemory(new Request("http://localhost:3000/api/bench/memory")),
  });

  it("are all off in production, with both flags on", async () => {
    settings({ AFTERVIEW_ENV: "production", APP_URL: "https://afterview.example.com", AFTERVIEW_TEST_HOOKS: "1", AFTERVIEW_BENCH_ROUTES: "1" });
    expect(internalRoutes()).toEqual({ testHooks: false, bench: false });
    for (const [name, call] of Object.entries(calls())) {
      const res = await call();
      expect(res.status, name).toBe(404);
      expect(await res.json()).toEqual({ error: "Not found" });
    }
    expect(await notFoundPage(() => BenchPipelinePage({ searchParams: Promise.resolve({ firm: a.firmId, recruiter: a.recruiter.userId }) }))).toBe(true);
  });

  it("are off under a production build with no AFTERVIEW_ENV, with both flags on", async () => {
    settings({ AFTERVIEW_ENV: undefined, NODE_ENV: "production", AFTERVIEW_TEST_HOOKS: "1", AFTERVIEW_BENCH_ROUTES: "1" });
    expect(internalRoutes()).toEqual({ testHooks: false, bench: false });
    expect((await calls().slow()).status).toBe(404);
  });

  it("are on locally only when their flag is, each on its own", async () => {
    settings({ AFTERVIEW_ENV: "local", AFTERVIEW_TEST_HOOKS: "1", AFTERVIEW_BENCH_ROUTES: "0" });
    expect(internalRoutes()).toEqual({ testHooks: true, bench: false });
    expect((await calls().slow()).status).toBe(200);
    expect((await calls().pipeline()).status).toBe(404);
    settings({ AFTERVIEW_ENV: "local", AFTERVIEW_TEST_HOOKS: "0", AFTERVIEW_BENCH_ROUTES: "1" });
    expect(internalRoutes()).toEqual({ testHooks: false, bench: true });
    expect((await calls().slow()).status).toBe(404);
    expect((await calls().debrief()).status).toBe(422);
    const memory = await calls().memory();
    expect(memory.status).toBe(200);
    const { after } = (await memory.json()) as { after: { rss: number; heapUsed: number } };
    expect(after.heapUsed).toBeGreaterThan(0);
    expect(after.rss).toBeGreaterThan(after.heapUsed);
    expect((await benchMemory(new Request("http://localhost:3000/api/bench/memory?snapshot=../x"))).status).toBe(422);
  });

  it("is decided once: changing the environment of a running process changes nothing", () => {
    settings({ AFTERVIEW_ENV: "production", APP_URL: "https://afterview.example.com", AFTERVIEW_TEST_HOOKS: "1", AFTERVIEW_BENCH_ROUTES: "1" });
    expect(internalRoutes().testHooks).toBe(false);
    process.env.AFTERVIEW_ENV = "local";
    expect(internalRoutes()).toEqual({ testHooks: false, bench: false });
  });
});
