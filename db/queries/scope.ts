import type { DbOrTx } from "../client";
import type { Role } from "../schema/enums";

/**
 * What every query export receives first. Built only by requireScope() from the
 * session and the membership loaded from the database; never from a form, URL
 * or header.
 */
export interface QueryScope {
  db: DbOrTx;
  firmId: string;
  userId: string;
  role: Role;
  /** Set for candidates: every read and write is limited to this candidate. */
  candidateId: string | null;
  requestId?: string;
  ip?: string | null;
  /** The firm's time zone, when the session already read it (saves a query per page). */
  firmTimeZone?: string;
}

/** The same scope bound to a transaction, so a mutation and its audit event commit together. */
export function withTx<S extends QueryScope>(scope: S, tx: DbOrTx): S {
  return { ...scope, db: tx };
}

export function inTransaction<S extends QueryScope, T>(scope: S, fn: (txScope: S) => Promise<T>): Promise<T> {
  return scope.db.transaction((tx) => fn(withTx(scope, tx)));
}

/** Staff records: a candidate's scope reaches none of them, whatever the caller forgot. */
export function isStaffScope(scope: QueryScope): boolean {
  return scope.role !== "candidate" && !scope.candidateId;
}
