import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { signInAction, signInSecondFactorAction } from "@/app/(auth)/actions";
import SignInPage from "@/app/(auth)/sign-in/page";
import { confirmMfaAction, startMfaAction } from "@/app/(staff)/account/mfa/actions";
import { getMyMfa } from "@/db/queries/mfa";
import { decryptMfaSecret, totpCode } from "@/lib/auth/mfa";
import { submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { nastyString } from "../helpers/fuzz";

const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" };
const HOSTILE = [
  "/\t/evil.example",
  "%2F%09%2Fevil.example",
  "//evil.example",
  "%2F%2Fevil.example",
  "/\\evil.example",
  "%2F%5Cevil.example",
  "https://evil.example",
  "/\r\n/evil.example",
  "/%250d%250a/evil.example",
];

/** Renders a page the way Next does; a redirect comes back as its target. */
async function render(page: () => Promise<unknown>): Promise<{ redirect?: string }> {
  try {
    await page();
    return {};
  } catch (err) {
    const digest = (err as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw err;
  }
}

describe("redirects after sign-in stay on the app's origin and land on the role's home", () => {
  const database = useFreshDatabase();
  const db = () => database.current.db;
  let a: TestFirm;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db(), "redirects");
    testContext.headers = { ...FORGED };
    return () => {
      testContext.headers = {};
      signedInAs(null);
    };
  });

  it("signs a recruiter in straight to the dashboard and a candidate straight to their interviews", async () => {
    for (const [who, home] of [
      [a.recruiter, "/dashboard"],
      [a.admin, "/dashboard"],
      [a.candidateUser, "/my/interviews"],
    ] as const) {
      signedInAs(null);
      const r = await submit(signInAction, formData({ email: who.email, password: a.password }));
      expect(r.redirect, who.email).toBe(home);
    }
  });

  it("returns to a safe next path, and sends every hostile one to the role's home", async () => {
    signedInAs(null);
    const back = await submit(signInAction, formData({ email: a.recruiter.email, password: a.password, next: "/candidates?q=ada" }));
    expect(back.redirect).toBe("/candidates?q=ada");
    for (const next of HOSTILE) {
      signedInAs(null);
      const r = await submit(signInAction, formData({ email: a.candidateUser.email, password: a.password, next }));
      expect(r.redirect, JSON.stringify(next)).toBe("/my/interviews");
    }
  });

  it("the signed-in sign-in page redirects to next only when it is safe, else home (never a 500)", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const page = (next: string | string[] | undefined) => render(() => SignInPage({ searchParams: Promise.resolve({ next }) }));
    expect((await page("/reports")).redirect).toBe("/reports");
    expect((await page(undefined)).redirect).toBe("/dashboard");
    expect((await page(["/reports", "//evil.example"])).redirect).toBe("/dashboard");
    for (const next of [...HOSTILE, "/\r\n/evil.example", "/\u0000"]) {
      expect((await page(next)).redirect, JSON.stringify(next)).toBe("/dashboard");
    }
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    expect((await page("/\t/evil.example")).redirect).toBe("/my/interviews");
    signedInAs(null);
  });

  it("after the second factor, also straight to the role's home or a safe next", async () => {
    const b = await createTestFirm(db(), "redirects-mfa");
    signedInAs(await sessionFor(db(), b, b.admin));
    expect((await submit(startMfaAction, formData({}))).ok).toBe(true);
    const secret = decryptMfaSecret((await getMyMfa(scopeOf(db(), b, b.admin)))!.pendingSecret!);
    const confirmed = await submit(confirmMfaAction, formData({ code: totpCode(secret) }));
    expect(confirmed.ok).toBe(true);
    const codes = [...(confirmed.data?.recoveryCodes as string[])];

    const step = async (next: string | undefined) => {
      signedInAs(null);
      const first = await submit(signInAction, formData({ email: b.admin.email, password: b.password, next }));
      const ticket = first.data?.mfaTicket as string;
      expect(ticket).toBeTruthy();
      // A recovery code each time: each is accepted once, where a TOTP code may not be reused within its step.
      return submit(signInSecondFactorAction, formData({ ticket, code: codes.shift()!, next }));
    };
    expect((await step(undefined)).redirect).toBe("/dashboard");
    expect((await step("/\t/evil.example")).redirect).toBe("/dashboard");
    signedInAs(null);
  });

  it("under generated next values, sign-in always lands on a path of the app's origin", async () => {
    const piece = fc.constantFrom("/", "\\", "%2F", "%5C", "%25", "%09", "%0d%0a", "\t", "evil.example", "https:", "@", "dashboard");
    const joined = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
    const next = fc.oneof(nastyString, joined, joined.map((p) => `/${p}`));
    await fc.assert(
      fc.asyncProperty(next, async (value) => {
        signedInAs(null);
        const r = await submit(signInAction, formData({ email: a.recruiter.email, password: a.password, next: value }));
        if (r.redirect === undefined) {
          // Refused input gets a message next to the field, not an internal error.
          expect(r.ok).toBe(false);
          expect(r.formError ?? "").not.toMatch(/Something went wrong/);
          return;
        }
        expect(r.redirect.startsWith("/") && !r.redirect.startsWith("//")).toBe(true);
        expect(r.redirect).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
        expect(new URL(r.redirect, "http://localhost:3000").origin).toBe("http://localhost:3000");
        expect(() => new Headers({ location: r.redirect! })).not.toThrow();
      }),
      { numRuns: Math.max(10, Math.floor(Number(process.env.FUZZ_RUNS ?? 1000) / 50)) },
    );
    signedInAs(null);
  });
});
