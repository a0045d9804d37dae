import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { newWebhookSecret, signatureHeader, signWebhook, verifyWebhook, webhookHeaders } from "@/lib/webhooks/sign";

/** The published Standard Webhooks vector (standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts, "sign function works"). */
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("webhook signatures (Standard Webhooks)", () => {
  it("signs the published test vector exactly", () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    // The secret without its prefix is the same key.
    expect(signWebhook(VECTOR.secret.slice("whsec_".length), VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it("verifies the vector within the tolerance and refuses a changed body, id, timestamp or an old message", () => {
    const at = VECTOR.timestamp * 1000;
    const headers = { id: VECTOR.id, timestamp: String(VECTOR.timestamp), signature: VECTOR.signature };
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, { now: at })).toBe(true);
    expect(verifyWebhook(VECTOR.secret, headers, '{"test": 2432232315}', { now: at })).toBe(false);
    expect(verifyWebhook(VECTOR.secret, { ...headers, id: "msg_other" }, VECTOR.body, { now: at })).toBe(false);
    expect(verifyWebhook(VECTOR.secret, { ...headers, timestamp: String(VECTOR.timestamp + 1) }, VECTOR.body, { now: at })).toBe(false);
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, { now: at + 301_000 })).toBe(false);
    expect(verifyWebhook(VECTOR.secret, { ...headers, signature: "v1,dawfeoifkpqwoekfpqoekf" }, VECTOR.body, { now: at })).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, VECTOR.body, { now: at })).toBe(false);
  });

  it("accepts a header of several signatures when one matches (the spec's multi-signature case)", () => {
    const at = VECTOR.timestamp * 1000;
    const signature = ["v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", VECTOR.signature].join(" ");
    expect(verifyWebhook(VECTOR.secret, { id: VECTOR.id, timestamp: String(VECTOR.timestamp), signature }, VECTOR.body, { now: at })).toBe(true);
  });

  it("during a rotation's overlap signs with both secrets, so a receiver with either verifies", () => {
    const oldSecret = newWebhookSecret();
    const newSecret = newWebhookSecret();
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(newSecret).not.toBe(oldSecret);
    const ts = Math.floor(Date.now() / 1000);
    const h = webhookHeaders([newSecret, oldSecret], "msg_1", ts, "{}");
    expect(h["webhook-id"]).toBe("msg_1");
    expect(h["webhook-timestamp"]).toBe(String(ts));
    expect(h["webhook-signature"].split(" ")).toHaveLength(2);
    const headers = { id: h["webhook-id"], timestamp: h["webhook-timestamp"], signature: h["webhook-signature"] };
    expect(verifyWebhook(oldSecret, headers, "{}")).toBe(true);
    expect(verifyWebhook(newSecret, headers, "{}")).toBe(true);
    // After the overlap only the new secret signs: the old one no longer verifies.
    const after = signatureHeader([newSecret], "msg_1", ts, "{}");
    expect(verifyWebhook(oldSecret, { ...headers, signature: after }, "{}")).toBe(false);
    expect(verifyWebhook(newSecret, { ...headers, signature: after }, "{}")).toBe(true);
  });
});

describe("the README's verification snippet", () => {
  const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Webhooks"));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const verify = new Function("require", `${code}\nreturn verifyAfterviewWebhook;`)(createRequire(import.meta.url)) as (
    secret: string,
    headers: Record<string, string>,
    body: string,
  ) => boolean;

  it("verifies the published vector and the messages Afterview signs, and refuses a changed body", () => {
    vi.useFakeTimers({ now: VECTOR.timestamp * 1000 });
    try {
      const headers = { "webhook-id": VECTOR.id, "webhook-timestamp": String(VECTOR.timestamp), "webhook-signature": VECTOR.signature };
      expect(verify(VECTOR.secret, headers, VECTOR.body)).toBe(true);
      expect(verify(VECTOR.secret, headers, '{"test": 2432232315}')).toBe(false);
      const rotatedFrom = newWebhookSecret();
      const signed = webhookHeaders([newWebhookSecret(), rotatedFrom], "msg_x", VECTOR.timestamp, "{}");
      expect(verify(rotatedFrom, signed, "{}")).toBe(true);
      expect(verify(VECTOR.secret, signed, "{}")).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    // Ten minutes later the same message is refused.
    vi.useFakeTimers({ now: (VECTOR.timestamp + 600) * 1000 });
    try {
      expect(verify(VECTOR.secret, { "webhook-id": VECTOR.id, "webhook-timestamp": String(VECTOR.timestamp), "webhook-signature": VECTOR.signature }, VECTOR.body)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
