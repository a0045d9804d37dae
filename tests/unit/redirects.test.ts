import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authRedirect, homeFor, resolveNext, sameOriginPath } from "@/lib/auth/home";
import { resetEnvCache } from "@/lib/platform/env";
import { nastyString } from "../helpers/fuzz";

const ORIGIN = "https://app.afterview.test";
const saved = process.env.APP_URL;

beforeEach(() => {
  process.env.APP_URL = ORIGIN;
  resetEnvCache();
});
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
  resetEnvCache();
});

/** Each way to leave the origin, as typed and as it arrives once or twice percent-encoded. */
const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "https://evil.example",
  "https://evil.example/dashboard",
  "http://app.afterview.test/dashboard", // the right host, the wrong scheme
  "https://app.afterview.test.evil.example/",
  "https://app.afterview.test@evil.example/",
  "https://app.afterview.test//evil.example",
  "//app.afterview.test@evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "/%0d%0a/evil.example",
  "/%0D%0ASet-Cookie:%20x=1",
  "/dashboard\u0000",
  "/dashboard\u007f",
  "/dashboard\u0085",
  "/%00",
  "/%E0%A4%A", // not decodable
  "/api/v1/pipeline",
  "/sign-in?next=/dashboard",
  "",
];

const once = (s: string) => encodeURIComponent(s);
const ENCODED = [
  "%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "/%2F/evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%09/evil.example",
  "%2F%09%2Fevil.example",
  "/%252F%252Fevil.example", // double-encoded
  "/%255Cevil.example",
  "/%250d%250a/evil.example",
  "%252F%252Fevil.example",
  "/%25252F%25252F%25252Fevil.example", // triple
  "https%3A%2F%2Fevil.example",
  ...HOSTILE.filter((h) => h !== "").map(once),
  ...HOSTILE.filter((h) => h !== "").map((h) => once(once(h))),
];

describe("return paths after sign-in (next / callbackUrl)", () => {
  it("keeps a path on the app's own origin, with its query and fragment", () => {
    expect(sameOriginPath("/candidates/123?x=1")).toBe("/candidates/123?x=1");
    expect(sameOriginPath("/settings/team?tab=members#invite")).toBe("/settings/team?tab=members#invite");
    expect(sameOriginPath("/candidates?q=a%20b")).toBe("/candidates?q=a%20b");
    expect(sameOriginPath(`${ORIGIN}/reports?from=2026-01-01`)).toBe("/reports?from=2026-01-01");
    expect(resolveNext("/my/plan", "candidate")).toBe("/my/plan");
  });

  it.each(HOSTILE)("refuses %j", (next) => {
    expect(sameOriginPath(next)).toBeNull();
    expect(resolveNext(next, "recruiter")).toBe("/dashboard");
    expect(resolveNext(next, "candidate")).toBe("/my/interviews");
  });

  it.each(ENCODED)("refuses the encoded form %j", (next) => {
    expect(sameOriginPath(next)).toBeNull();
    expect(resolveNext(next, "admin")).toBe("/dashboard");
  });

  it("refuses what is not one string, and what is too long", () => {
    for (const bad of [undefined, null, 42, ["/dashboard", "//evil.example"], { toString: () => "/dashboard" }]) {
      expect(sameOriginPath(bad)).toBeNull();
    }
    expect(sameOriginPath(`/${"a".repeat(600)}`)).toBeNull();
  });

  it("sends each role home when there is nothing safe to return to", () => {
    expect(homeFor("admin")).toBe("/dashboard");
    expect(homeFor("recruiter")).toBe("/dashboard");
    expect(homeFor("candidate")).toBe("/my/interviews");
    expect(resolveNext(undefined, "candidate")).toBe("/my/interviews");
  });

  /** Pieces people put together to leave the origin. */
  const piece = fc.constantFrom(
    "/",
    "//",
    "\\",
    "%2F",
    "%2f",
    "%5C",
    "%5c",
    "%25",
    "%09",
    "%0d%0a",
    "\t",
    "\r\n",
    "\u0000",
    "@",
    ":",
    ".",
    "?",
    "#",
    "evil.example",
    "app.afterview.test",
    "https:",
    "http:",
    "javascript:",
    "dashboard",
  );
  const hostile = fc.oneof(nastyString, fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join("")));

  it("under generated input: never throws, and answers a path on the origin a Location header can carry", () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom("admin", "recruiter", "candidate") as fc.Arbitrary<"admin" | "recruiter" | "candidate">, (next, role) => {
        const to = resolveNext(next, role);
        expect(to.startsWith("/")).toBe(true);
        expect(to.startsWith("//")).toBe(false);
        expect(to).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
        expect(new URL(to, ORIGIN).origin).toBe(ORIGIN);
        // What a browser does with it, from any page of the app.
        expect(new URL(to, `${ORIGIN}/candidates/123`).origin).toBe(ORIGIN);
        // A header value that Node accepts (today's 500 was "Invalid character in header content").
        expect(() => new Headers({ location: to })).not.toThrow();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });

  it("Auth.js's callbackUrl / redirectTo: a path on APP_URL, else APP_URL's root", () => {
    expect(authRedirect("/sign-in")).toBe(`${ORIGIN}/sign-in`);
    expect(authRedirect("/sign-in?expired=1")).toBe(`${ORIGIN}/sign-in?expired=1`);
    expect(authRedirect(`${ORIGIN}/dashboard`)).toBe(`${ORIGIN}/dashboard`);
    for (const bad of [...HOSTILE.filter((h) => !h.startsWith("/api/") && !h.startsWith("/sign-in")), ...ENCODED]) {
      expect(authRedirect(bad), JSON.stringify(bad)).toBe(`${ORIGIN}/`);
    }
  });
});
