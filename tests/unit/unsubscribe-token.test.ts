import { describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/platform/env";
import { signUnsubscribeToken, unsubscribeHeaders, unsubscribeUrl, verifyUnsubscribeToken } from "@/lib/email/unsubscribe";

const target = { firmId: "0193a1b2-0000-7000-8000-000000000001", candidateId: "0193a1b2-0000-7000-8000-000000000002" };

describe("the plan emails' unsubscribe token", () => {
  it("names the firm and the candidate it was signed for", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(target))).toEqual(target);
  });

  it("refuses a token whose body or signature was changed", () => {
    const token = signUnsubscribeToken(target);
    const [body, mac] = token.split(".");
    // Someone else's candidate in the same firm, with the original signature.
    const otherBody = Buffer.from(JSON.stringify({ v: 1, f: target.firmId, c: "0193a1b2-0000-7000-8000-000000000003" })).toString("base64url");
    expect(verifyUnsubscribeToken(`${otherBody}.${mac}`)).toBeNull();
    const flipped = `${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`;
    expect(verifyUnsubscribeToken(`${body}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${body}.`)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.extra`)).toBeNull();
    expect(verifyUnsubscribeToken("")).toBeNull();
    expect(verifyUnsubscribeToken("not-a-token")).toBeNull();
    expect(verifyUnsubscribeToken("x".repeat(600))).toBeNull();
  });

  it("refuses a token signed with another secret", () => {
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret-0123456789abcdef0123456789abcdef";
    resetEnvCache();
    const foreign = signUnsubscribeToken(target);
    process.env.AUTH_SECRET = saved;
    resetEnvCache();
    expect(verifyUnsubscribeToken(foreign)).toBeNull();
    expect(verifyUnsubscribeToken(signUnsubscribeToken(target))).toEqual(target);
  });

  it("refuses a validly signed body that does not name two ids", () => {
    // Signed correctly, but by a version that did not exist: ids must be uuids.
    const token = signUnsubscribeToken({ firmId: "not-a-uuid", candidateId: target.candidateId });
    expect(verifyUnsubscribeToken(token)).toBeNull();
  });

  it("makes the link and the one-click headers (RFC 8058)", () => {
    const url = unsubscribeUrl("https://app.example", target);
    expect(url).toMatch(/^https:\/\/app\.example\/unsubscribe\/[\w-]+\.[\w-]+$/);
    expect(unsubscribeHeaders(url)).toEqual({ "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
