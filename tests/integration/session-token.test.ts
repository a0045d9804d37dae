import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { authSecret, sessionCookieName } from "@/lib/auth/config";

// The integration setup replaces getSessionClaims for the other tests; this one reads the real module.
const { claimsFromToken } = await vi.importActual<typeof import("@/lib/auth/session")>("@/lib/auth/session");

const ids = { uid: "01a22c71-af9d-7000-8000-000000000001", sid: "01a22c71-af9d-7000-8000-000000000002", fid: "01a22c71-af9d-7000-8000-000000000003", sv: 4 };
const token = (payload: Record<string, unknown>, opts: { salt?: string; maxAge?: number; secret?: string } = {}) =>
  encode({ token: payload, secret: opts.secret ?? authSecret(), salt: opts.salt ?? sessionCookieName(), maxAge: opts.maxAge ?? 3600 });

describe("the session cookie's claims", () => {
  it("reads the ids Auth.js wrote at sign-in", async () => {
    expect(await claimsFromToken(await token(ids))).toEqual({ userId: ids.uid, sessionId: ids.sid, firmId: ids.fid, sessionVersion: 4 });
  });

  it("reads a missing, tampered, foreign, expired or incomplete token as signed out", async () => {
    expect(await claimsFromToken(undefined)).toBeNull();
    expect(await claimsFromToken("not-a-token")).toBeNull();
    const good = await token(ids);
    const tampered = `${good.slice(0, -6)}${good.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await claimsFromToken(tampered)).toBeNull();
    expect(await claimsFromToken(await token(ids, { secret: "another-secret-0123456789abcdef0123456789" }))).toBeNull();
    expect(await claimsFromToken(await token(ids, { salt: "another-cookie" }))).toBeNull();
    expect(await claimsFromToken(await token(ids, { maxAge: -60 }))).toBeNull();
    expect(await claimsFromToken(await token({ ...ids, sid: undefined }))).toBeNull();
  });
});
