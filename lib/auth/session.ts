import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { authSecret, sessionCookieName, type SessionClaims } from "./config";

/**
 * The ids in a session token, or null. The token is the encrypted JWT that
 * Auth.js wrote at sign-in; a tampered, foreign or expired token fails
 * decryption or its expiry check and reads as signed out. Whether the session
 * is still valid (revoked, idle, absolute limit) is checked against the
 * database by the caller.
 */
export async function claimsFromToken(token: string | undefined, salt = sessionCookieName()): Promise<SessionClaims | null> {
  if (!token) return null;
  let payload;
  try {
    payload = await decode({ token, secret: authSecret(), salt });
  } catch {
    return null;
  }
  if (!payload) return null;
  const claims: SessionClaims = {
    userId: typeof payload.uid === "string" ? payload.uid : "",
    sessionId: typeof payload.sid === "string" ? payload.sid : "",
    firmId: typeof payload.fid === "string" ? payload.fid : "",
    sessionVersion: typeof payload.sv === "number" ? payload.sv : -1,
  };
  if (!claims.userId || !claims.sessionId || !claims.firmId) return null;
  return claims;
}

/**
 * The ids in the request's session cookie, or null. Reads the cookie Auth.js
 * set (joining it if Auth.js split it into chunks) and decrypts it directly:
 * pages and actions need the ids, not Auth.js's session round trip, which
 * re-encrypts the token on every call.
 */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const name = sessionCookieName();
  const jar = await cookies();
  let token = jar.get(name)?.value;
  if (!token) {
    const chunks: string[] = [];
    for (let i = 0; ; i++) {
      const chunk = jar.get(`${name}.${i}`)?.value;
      if (chunk === undefined) break;
      chunks.push(chunk);
    }
    token = chunks.length > 0 ? chunks.join("") : undefined;
  }
  return claimsFromToken(token, name);
}
