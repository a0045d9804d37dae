import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { purposeKey } from "@/lib/auth/signed-payload";

/**
 * Secrets the app must use again later (webhook signing secrets, a firm's
 * single sign-on client secret) are stored sealed: AES-256-GCM under a key
 * derived from AUTH_SECRET for that purpose alone, so a database leak alone
 * yields none of them, and one purpose's key opens nothing of another's.
 */
export function sealSecret(purpose: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", purposeKey(purpose), iv);
  const ct = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

export function openSealedSecret(purpose: string, stored: string): string {
  const [v, iv, tag, ct] = stored.split(":");
  if (v !== "v1" || !iv || !tag || !ct) throw new Error(`Unknown sealed ${purpose} format.`);
  const decipher = createDecipheriv("aes-256-gcm", purposeKey(purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
