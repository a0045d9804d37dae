import { getDatabase } from "@/db/runtime";
import {
  unsafeBenchInsertDebriefVersion,
  unsafeBenchPipelineRows,
  unsafeBenchPipelineTableRows,
  type BenchPipelineInput,
} from "@/db/queries/bench";
import { clients } from "@/db/schema";
import { createTestFirm, type TestFirm } from "@/db/test-firm";
import { internalRoutes } from "./env";

/**
 * What the internal routes (/api/test-support, /api/bench, /bench) do, on the
 * process's database. Those routes have no session, hence no scope: they work
 * on the tables' owner connection, which only this process plumbing hands
 * out — and only while their flag is on (env.ts#internalRoutes, never in
 * production). The routes answer 404 before calling here when it is off.
 */

/**
 * A small firm with one of everything and a sign-in per role, for the
 * end-to-end tests; with `extraClients`, that many more clients ("Bulk client
 * 000", …), for the menus that list only the first 100.
 */
export async function createTestFirmForHooks(label: string, opts: { extraClients?: number } = {}): Promise<TestFirm> {
  if (!internalRoutes().testHooks) throw new Error("The test hooks are off in this process.");
  const { db } = await getDatabase();
  const firm = await createTestFirm(db, label);
  const n = opts.extraClients ?? 0;
  if (n > 0) {
    await db.insert(clients).values(Array.from({ length: n }, (_, i) => ({ firmId: firm.firmId, name: `Bulk client ${String(i).padStart(3, "0")}` })));
  }
  return firm;
}

/** The bench floor's page of pipeline rows (db/queries/bench.ts). */
export async function benchPipelineRows(input: BenchPipelineInput) {
  return unsafeBenchPipelineRows(await getDatabase(), input);
}

/** The bench control's page of pipeline rows, every column the pipeline's table shows. */
export async function benchPipelineTableRows(input: BenchPipelineInput) {
  return unsafeBenchPipelineTableRows(await getDatabase(), input);
}

/** The bench control's debrief submission: one insert of the next version. */
export async function benchInsertDebriefVersion(input: { debriefId: string; snapshot: unknown }) {
  return unsafeBenchInsertDebriefVersion(await getDatabase(), input);
}

/**
 * One full reminder pass (every digest and reminder due at `at`) in this
 * process, for the scale-out test: several instances run it at once, as
 * their job runners would, and each email must still go out once.
 */
export async function runReminderPassForHooks(at: Date) {
  if (!internalRoutes().testHooks) throw new Error("The test hooks are off in this process.");
  const { runRemindersOnce } = await import("@/lib/jobs/reminders");
  return runRemindersOnce((await getDatabase()).db, at);
}
