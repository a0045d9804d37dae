import { PgTransaction } from "drizzle-orm/pg-core";
import { inTransaction, type QueryScope } from "./scope";

/**
 * For a write of several statements that must land together: inside the
 * caller's transaction (a use case that also stores the audit row, the plan
 * sync and the follow-up job with it) the statements simply join it; called
 * on its own, the write gets a transaction of its own. Either way no
 * savepoint is opened — a use case that wants one (to let a step fail
 * without undoing the change) asks for it with inTransaction.
 */
export function atomically<S extends QueryScope, T>(scope: S, fn: (txScope: S) => Promise<T>): Promise<T> {
  return scope.db instanceof PgTransaction ? fn(scope) : inTransaction(scope, fn);
}
