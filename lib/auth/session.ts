import { auth, type SessionClaims } from "./config";

/**
 * The ids in the signed session cookie, or null. A tampered or expired cookie
 * fails verification inside Auth.js and reads as signed out.
 */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  let session;
  try {
    session = await auth();
  } catch {
    return null;
  }
  const claims = (session as unknown as { claims?: SessionClaims } | null)?.claims;
  if (!claims?.userId || !claims.sessionId || !claims.firmId) return null;
  return claims;
}
