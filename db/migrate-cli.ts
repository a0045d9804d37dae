/**
 * `npm run db:migrate` — applies the pending migrations to the configured
 * database (DATABASE_URL, else the embedded one under DATA_DIR) and nothing else.
 */
import { EnvError } from "@/lib/platform/env";
import { DatabaseOpenError, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseSettings, migrationSettings } from "./runtime";

async function main(): Promise<number> {
  const settings = migrationSettings();
  const database = await openDatabase({ ...settings, onPoolError: (err) => console.error(`Database connection error: ${err.message}`) });
  try {
    const applied = await migrateDatabase(database);
    const where = database.engine === "postgres" ? `the PostgreSQL server from ${databaseSettings().directUrl ? "DATABASE_DIRECT_URL" : "DATABASE_URL"}` : `the embedded database in ${settings.dataDir}`;
    console.log(applied > 0 ? `Applied ${applied} migration${applied === 1 ? "" : "s"} to ${where}.` : `${where[0]!.toUpperCase()}${where.slice(1)} is up to date.`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof EnvError || err instanceof DatabaseOpenError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
