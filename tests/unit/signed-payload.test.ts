import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSignedPayload, signPayload } from "@/lib/auth/signed-payload";
import { resetEnvCache } from "@/lib/platform/env";

describe("signed payloads", () => {
  const saved = process.env.AUTH_SECRET;
  beforeEach(() => {
    process.env.AUTH_SECRET = "signed-payload-test-secret-0123456789abcdef";
    resetEnvCache();
  });
  afterEach(() => {
    process.env.AUTH_SECRET = saved;
    resetEnvCache();
  });

  it("reads back what it signed, for the same purpose only", () => {
    const token = signPayload("firm-switch", { u: "x", e: 1 });
    expect(readSignedPayload("firm-switch", token)).toEqual({ u: "x", e: 1 });
    expect(readSignedPayload("mfa-ticket", token)).toBeNull();
  });

  it("refuses a changed byte, a missing or extra part, a token over the length limit and a non-object payload", () => {
    const token = signPayload("api-cursor", { v: 1 });
    const [body, mac] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 2 })).toString("base64url");
    expect(readSignedPayload("api-cursor", `${forged}.${mac}`)).toBeNull();
    expect(readSignedPayload("api-cursor", body)).toBeNull();
    expect(readSignedPayload("api-cursor", `${token}.x`)).toBeNull();
    expect(readSignedPayload("api-cursor", token, { maxLength: token.length - 1 })).toBeNull();
    expect(readSignedPayload("api-cursor", 42)).toBeNull();
    const list = signPayload("api-cursor", [1, 2] as unknown as Record<string, unknown>);
    expect(readSignedPayload("api-cursor", list)).toBeNull();
  });

  it("does not accept a token signed with another secret", () => {
    const token = signPayload("plan-email-unsubscribe", { c: "1" });
    process.env.AUTH_SECRET = "another-secret-entirely-0123456789abcdef";
    resetEnvCache();
    expect(readSignedPayload("plan-email-unsubscribe", token)).toBeNull();
  });
});
