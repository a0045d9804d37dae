import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): a secret
 * `whsec_<base64>`, and for each message `v1,<base64 HMAC-SHA256>` of
 * `${id}.${timestamp}.${body}` keyed with the secret's decoded bytes. During a
 * rotation's overlap a message carries one signature per secret, separated by
 * spaces; a receiver accepts the message when any of them verifies.
 */

const PREFIX = "whsec_";

/** A new endpoint secret: 24 random bytes, as `whsec_<base64>`. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString("base64");
}

function keyOf(secret: string): Buffer {
  const raw = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const key = Buffer.from(raw, "base64");
  if (key.length === 0) throw new Error("A webhook secret must be base64 bytes.");
  return key;
}

/** One `v1,<base64>` signature of a message with one secret. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`, "utf8").digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` header's value: the message signed with each secret, space-separated. */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((s) => signWebhook(s, id, timestamp, body)).join(" ");
}

/** The three Standard Webhooks headers for a message sent at `timestamp` (seconds). */
export function webhookHeaders(
  secrets: string[],
  id: string,
  timestamp: number,
  body: string,
): { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string } {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatureHeader(secrets, id, timestamp, body),
  };
}

/**
 * What a receiver does (and the README shows): true when the timestamp is
 * within `toleranceSeconds` of `now` and one of the header's `v1` signatures
 * matches the secret.
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  opts: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const ts = Number(headers.timestamp);
  if (!/^\d+$/.test(headers.timestamp) || !Number.isSafeInteger(ts)) return false;
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (Math.abs(now - ts) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, ts, body).slice(3), "base64");
  return headers.signature.split(" ").some((part) => {
    const [version, sig] = part.split(",", 2);
    if (version !== "v1" || !sig) return false;
    const given = Buffer.from(sig, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
