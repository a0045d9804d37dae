import { openSealedSecret, sealSecret } from "@/lib/platform/security/sealed";

/** Endpoint secrets are stored sealed (AES-256-GCM, as the TOTP secrets), so a database leak alone signs nothing. */
export function encryptWebhookSecret(secret: string): string {
  return sealSecret("webhook-secret", secret);
}

export function decryptWebhookSecret(stored: string): string {
  return openSealedSecret("webhook-secret", stored);
}
