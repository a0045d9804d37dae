import { beforeAll, beforeEach } from "vitest";
import type { Database } from "@/db/client";
import { signedInAs, useDatabaseForRequests as serveRequestsFrom } from "./context";
import { useFreshDatabase } from "./db";
import { createTestFirm, sessionFor, type TestFirm } from "./fixtures";

export interface TwoFirms {
  readonly database: { readonly current: Database };
  readonly db: () => Database["db"];
  /** Filled in before the file's own beforeAll hooks run (hooks run in the order they are declared). */
  readonly firms: { a: TestFirm; b: TestFirm };
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
  const firms = {} as { a: TestFirm; b: TestFirm };
  beforeAll(async () => {
    if (opts.requests) serveRequestsFrom(database.current);
    firms.a = await createTestFirm(db(), nameA);
    firms.b = await createTestFirm(db(), nameB);
  });
  if (opts.candidateSignedIn) {
    beforeEach(async () => {
      signedInAs(await sessionFor(db(), firms.a, firms.a.candidateUser));
    });
  }
  return { database, db, firms };
}
