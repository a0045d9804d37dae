import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { purposeKey } from "@/lib/auth/signed-payload";

/** Endpoint secrets are stored encrypted (AES-256-GCM, as the TOTP secrets), so a database leak alone signs nothing. */
export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", purposeKey("webhook-secret"), iv);
  const ct = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

export function decryptWebhookSecret(stored: string): string {
  const [v, iv, tag, ct] = stored.split(":");
  if (v !== "v1" || !iv || !tag || !ct) throw new Error("Unknown webhook secret format.");
  const decipher = createDecipheriv("aes-256-gcm", purposeKey("webhook-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
