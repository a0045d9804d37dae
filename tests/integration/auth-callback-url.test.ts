import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET as authGet } from "@/app/api/auth/[...nextauth]/route";
import { useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";

// The real Auth.js handlers, not the integration tests' stand-in.
vi.mock("@/lib/auth/config", async (importOriginal) => importOriginal());

const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

/**
 * Auth.js takes its base URL from the request (Host / X-Forwarded-Host) and
 * lets a callbackUrl on that origin through. With a claimed Host, the
 * callback URL it keeps (in the sign-in redirect and its cookie) is still a
 * path on APP_URL (http://localhost:3000 here).
 */
describe("Auth.js callbackUrl under a claimed Host", () => {
  const database = useFreshDatabase();

  it.each(["https://evil.example/steal", "/\t/evil.example", "/%2F%2Fevil.example", "//evil.example", "/%5Cevil.example"])("drops %j", async (callbackUrl) => {
    useDatabaseForRequests(database.current);
    const res = await authGet(
      new NextRequest(`https://evil.example/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { headers: FORGED }),
    );
    expect(res.status).toBeLessThan(500);
    const location = res.headers.get("location") ?? "";
    const kept = new URL(location, "http://localhost:3000").searchParams.get("callbackUrl");
    expect(kept, location).toBe("http://localhost:3000/");
    const cookie = res.headers.getSetCookie().find((c) => c.includes("callback-url")) ?? "";
    expect(decodeURIComponent(cookie)).not.toContain("evil.example");
  });

  it("keeps a path of the app", async () => {
    useDatabaseForRequests(database.current);
    const res = await authGet(new NextRequest("https://evil.example/api/auth/signin?callbackUrl=%2Freports", { headers: FORGED }));
    const kept = new URL(res.headers.get("location") ?? "", "http://localhost:3000").searchParams.get("callbackUrl");
    expect(kept).toBe("http://localhost:3000/reports");
  });

  it.each(["callbackUrl=&callbackUrl=x", "callbackUrl=%2Freports&callbackUrl=%20", "callbackUrl=x&callbackUrl="])(
    "answers a repeated, malformed callbackUrl (%s) with a 400, not a 500",
    async (query) => {
      useDatabaseForRequests(database.current);
      const res = await authGet(new NextRequest(`http://localhost:3000/api/auth/providers?${query}`));
      expect(res.status).toBe(400);
    },
  );
});
