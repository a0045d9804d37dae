import { eq } from "drizzle-orm";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { migrationSettings } from "./runtime";
import { firms } from "./schema";
import { DEMO_FIRM, isDatabaseEmpty, seedDemo } from "./seed";

export interface PrepareResult {
  engine: "pglite" | "postgres";
  migrationsApplied: number;
  seeded: boolean;
  demoPresent: boolean;
}

/**
 * Run before the server starts (npm start): migrate, and seed the demo firm
 * into an empty database. Closes the database again so the server process can
 * take the embedded database's lock.
 */
export async function prepareDatabase(opts: { seedDemo: boolean }): Promise<PrepareResult> {
  const database = await openDatabase(migrationSettings());
  try {
    const migrationsApplied = await migrateDatabase(database);
    let seeded = false;
    if (opts.seedDemo && (await isDatabaseEmpty(database.db))) {
      await seedDemo(database.db);
      seeded = true;
    }
    const demo = await database.db.select({ id: firms.id }).from(firms).where(eq(firms.slug, DEMO_FIRM.slug)).limit(1);
    return { engine: database.engine, migrationsApplied, seeded, demoPresent: demo.length > 0 };
  } finally {
    await database.close();
  }
}
