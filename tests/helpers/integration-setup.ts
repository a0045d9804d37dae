import { vi } from "vitest";
import { testContext } from "./context";

// Server actions and pages read the request through these modules; in
// integration tests they answer from testContext instead of a live request.
vi.mock("@/db/runtime", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/runtime")>();
  const getDatabase = async () => {
    if (!testContext.database) throw new Error("No test database: call useDatabaseForRequests()");
    return testContext.database;
  };
  // The read database is the primary unless a test names a second one (as DATABASE_READ_URL would).
  const getReadDatabase = async () => testContext.readDatabase ?? getDatabase();
  return {
    ...actual,
    getDatabase,
    getReadDatabase,
    readScope: async <S extends import("@/db/queries/scope").QueryScope>(scope: S) =>
      actual.readScopeFrom(await getDatabase(), await getReadDatabase(), scope),
    readLagSeconds: async () => actual.readLagSecondsOf(await getDatabase(), await getReadDatabase()),
  };
});

vi.mock("@/lib/auth/session", () => ({
  getSessionClaims: async () => testContext.claims,
}));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "x-request-id": "test-request", ...testContext.headers }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {}, has: () => false }),
}));

vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_noStore: () => {},
}));

vi.mock("@/lib/auth/config", async (importOriginal) => {
  const { authSecret } = await importOriginal<typeof import("@/lib/auth/config")>();
  const { checkCredentials } = await import("@/lib/auth/credentials");
  const { clientIp } = await import("@/lib/auth/request");
  const { CredentialsSignin } = await import("next-auth");
  const { redirect } = await import("next/navigation");
  const withCode = (code: string) => Object.assign(new CredentialsSignin(), { code });
  return {
    sessionCookieName: () => "afterview.session",
    authSecret,
    // Signs in the way Auth.js's credentials provider would, and makes the
    // result the current session of later calls in the same test.
    signIn: async (_provider: string, opts: Record<string, unknown>) => {
      // The address as Auth.js would see it: the request's headers, the peer 127.0.0.1 unless a test sets one.
      const headers = new Headers({ "x-afterview-peer": "127.0.0.1", ...testContext.headers });
      const r = await checkCredentials(opts, { ip: clientIp(headers), userAgent: "vitest" });
      if (!r.ok && r.reason === "throttled") throw Object.assign(withCode(r.reason), { retryAfterSeconds: r.retryAfterSeconds });
      if (!r.ok) throw r.reason === "invalid" ? new CredentialsSignin() : withCode(r.reason);
      testContext.claims = { userId: r.user.id, sessionId: r.user.sid, firmId: r.user.fid, sessionVersion: r.user.sv };
      return "/";
    },
    signOut: async (opts?: { redirectTo?: string; redirect?: boolean }) => {
      testContext.claims = null;
      if (opts?.redirect === false) return;
      redirect(opts?.redirectTo ?? "/sign-in");
    },
    auth: async () => null,
    handlers: {},
  };
});
