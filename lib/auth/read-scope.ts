import { readLagSeconds as lagOfReadDatabase, readScope as readScopeOf } from "@/db/runtime";
import type { QueryScope } from "@/db/queries/scope";

/**
 * For reads that may lag — the reports page, the BI API, the report
 * downloads: the same scope (firm, person, row-level security) on the read
 * database (DATABASE_READ_URL), or the scope itself when there is none.
 * Never for a write, nor for reading back what a person has just written.
 */
export function readScope<S extends QueryScope>(scope: S): Promise<S> {
  return readScopeOf(scope);
}

/** How many seconds the read database is behind the primary (0 without one). */
export function readLagSeconds(): Promise<number> {
  return lagOfReadDatabase();
}
