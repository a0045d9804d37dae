import { env } from "@/lib/platform/env";

/**
 * Set by the server `npm start` runs (lib/platform/cli/next-server.mjs) to the address
 * of the connection's peer, after dropping any copy a client sent.
 */
export const PEER_HEADER = "x-afterview-peer";

/** An IPv4 or IPv6 address as text; anything else (ports, names, junk) is not an address. */
function asAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw.trim();
  if (v.startsWith("::ffff:") && v.includes(".")) v = v.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return v.split(".").every((o) => Number(o) <= 255) ? v : null;
  if (v.includes(":") && /^[0-9a-f:.]{2,45}$/i.test(v)) return v.toLowerCase();
  return null;
}

/**
 * The client's address, as far as it can be trusted. The connection's peer is
 * known for certain; X-Forwarded-For is written by whoever sends the request,
 * so only the entries that `trustedHops` proxies of our own appended count:
 * with 0 the peer is the client; with N the client is the Nth entry from the
 * right of X-Forwarded-For followed by the peer. A list too short for that
 * (the proxy did not add itself) falls back to the peer. Without the peer
 * header (the app not run through `npm start`) the address is unknown.
 */
export function clientIp(headers: Headers, trustedHops: number = env().TRUSTED_PROXY_HOPS): string | null {
  const peer = asAddress(headers.get(PEER_HEADER));
  if (trustedHops <= 0 || !peer) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  chain.push(peer);
  const index = chain.length - 1 - trustedHops;
  if (index < 0) return peer;
  return asAddress(chain[index]) ?? peer;
}
