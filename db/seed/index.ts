/**
 * Demo data: the Northwind Talent Partners firm, whose people and stories the
 * demo walks through, and Bluestone Staffing, a second, smaller firm so that
 * isolation can be seen.
 *
 * The same every time: one fixed faker seed, and every random draw depends only
 * on that seed, never on the clock, so the rows (names, emails, counts, states)
 * are identical on every run. Only the timestamps move: they are laid out
 * relative to `now` in the firm's zone, so the demo always looks current
 * ("filed last night", "due today", "next Wednesday").
 *
 * Policy tasks are not invented here: each completed interview's plan is built
 * by the follow-up engine (lib/core/follow-up) at `now`, and its steps become the
 * task rows, so what the candidate's plan shows and what the task lists hold agree.
 *
 * The benchmark-scale generator (`--scale N`) lives in db/seed-scale.ts.
 *
 * The modules: demo.ts (the public constants and the story's shape), clock.ts
 * (day offsets in the firm's zone), text.ts (the text banks), builder.ts (one
 * firm's rows in memory) with rounds.ts (debriefs, feedback, calls) and
 * tasks.ts (policy and manual tasks, audit), insert.ts; the firms: cast.ts and
 * story-*.ts (Northwind's people and each candidate's story), pipeline.ts and
 * bulk-rounds.ts (the generated applications), northwind.ts, bluestone.ts.
 */
import { Faker, en } from "@faker-js/faker";
import { hashPassword } from "@/lib/platform/password";
import type { Db } from "../client";
import { buildBluestone } from "./bluestone";
import { FirmBuilder } from "./builder";
import { Clock, demoHolidays } from "./clock";
import { DEMO_FIRM, DEMO_PASSWORD, DEMO_SEED, DEMO_TIME_ZONE, SECOND_FIRM, type SeedSummary } from "./demo";
import { countFirmRows, insertFirm } from "./insert";
import { buildNorthwind } from "./northwind";
import { planTasks } from "./tasks";

export {
  DEMO_FIRM,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_TIME_ZONE,
  SECOND_FIRM,
  SEED_COUNTS,
  type DemoLogin,
  type DemoStory,
  type SeedCounts,
  type SeedSummary,
} from "./demo";
export { countFirmRows, isDatabaseEmpty } from "./insert";
export { BENCH_PASSWORD, seedScale, type ScaleOptions, type ScaleSummary } from "../seed-scale";

/**
 * Creates the demo firm and the second firm in one transaction. Deterministic
 * apart from ids and timestamps; all dates are relative to `opts.now`.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const faker = new Faker({ locale: [en], seed: DEMO_SEED });
  const clock = new Clock(now, DEMO_TIME_ZONE, demoHolidays(now, DEMO_TIME_ZONE));

  const demo = new FirmBuilder(faker, clock, DEMO_FIRM, passwordHash);
  const story = buildNorthwind(demo);
  const second = new FirmBuilder(faker, clock, SECOND_FIRM, passwordHash);
  buildBluestone(second);
  planTasks(demo);
  planTasks(second);

  await db.transaction(async (tx) => {
    await insertFirm(tx, demo);
    await insertFirm(tx, second);
  });

  return {
    firmId: demo.firmId,
    firmName: DEMO_FIRM.name,
    secondFirmId: second.firmId,
    counts: await countFirmRows(db, demo.firmId),
    secondFirmCounts: await countFirmRows(db, second.firmId),
    story: story(),
  };
}

