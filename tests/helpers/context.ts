import type { Database } from "@/db/client";
import type { SessionClaims } from "@/lib/auth/config";

/**
 * What the mocked request environment (tests/helpers/integration-setup.ts)
 * answers with: the test file's database and the signed-in person, if any.
 */
export const testContext: {
  database?: Database;
  /** As DATABASE_READ_URL: where reads that may lag go (unset: the primary). */
  readDatabase?: Database;
  claims: SessionClaims | null;
  headers: Record<string, string>;
} = { claims: null, headers: {} };

export function useDatabaseForRequests(database: Database): void {
  testContext.database = database;
}

export function signedInAs(claims: SessionClaims | null): void {
  testContext.claims = claims;
}
