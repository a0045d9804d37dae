import { beforeAll, beforeEach } from "vitest";
import type { Database } from "@/db/client";
import { signedInAs, useDatabaseForRequests as serveRequestsFrom } from "./context";
import { useFreshDatabase } from "./db";
import { createTestFirm, sessionFor, type TestFirm } from "./fixtures";

export interface TwoFirms {
  readonly database: { readonly current: Database };
  readonly db: () => Database["db"];
  /**
   * Filled in before the file's own beforeAll hooks run (hooks run in the
   * order they are declared). The two objects are made at once, so a file may
   * destructure them where it calls useTwoFirms: `firms: { a, b }`.
   */
  readonly firms: { readonly a: TestFirm; readonly b: TestFirm };
}

/**
 * A fresh database holding two firms, `a` and `b`, for tests that check one
 * firm against the other.
 * - `names`: the firms' slugs.
 * - `requests`: server actions and route handlers run on this database.
 * - `candidateSignedIn`: every test starts signed in as firm A's candidate.
 */
export function useTwoFirms(opts: { names?: [string, string]; requests?: boolean; candidateSignedIn?: boolean } = {}): TwoFirms {
  const [nameA, nameB] = opts.names ?? ["a", "b"];
  const database = useFreshDatabase();
  const db = () => database.current.db;
  const firms = { a: {} as TestFirm, b: {} as TestFirm };
  beforeAll(async () => {
    if (opts.requests) serveRequestsFrom(database.current);
    Object.assign(firms.a, await createTestFirm(db(), nameA));
    Object.assign(firms.b, await createTestFirm(db(), nameB));
  });
  if (opts.candidateSignedIn) {
    beforeEach(async () => {
      signedInAs(await sessionFor(db(), firms.a, firms.a.candidateUser));
    });
  }
  return { database, db, firms };
}

/**
 * A fresh database holding one firm, for tests about a firm on its own.
 * `firm` is filled in before the file's own beforeAll hooks run.
 * - `requests`: server actions and route handlers run on this database.
 */
export function useFirm(name: string, opts: { requests?: boolean } = {}): { database: { readonly current: Database }; db: () => Database["db"]; firm: TestFirm } {
  const database = useFreshDatabase();
  const db = () => database.current.db;
  const firm = {} as TestFirm;
  beforeAll(async () => {
    if (opts.requests) serveRequestsFrom(database.current);
    Object.assign(firm, await createTestFirm(db(), name));
  });
  return { database, db, firm };
}
