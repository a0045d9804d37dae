import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Requests to addresses people type in (webhook endpoints): never to a
 * private, loopback, link-local or otherwise internal address. The host is
 * resolved first (with an injectable resolver), every address it resolves to
 * is checked, and the connection goes to the checked address itself (the
 * request's `lookup` answers with it), so a name that answers differently the
 * second time (DNS rebinding) cannot move the request inside. No redirects are
 * followed; the response body is read up to a small cap and otherwise ignored.
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) => {
  const answers = await dnsLookup(host, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this" network, unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64 (embeds an IPv4 address)
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (::ffff:10.0.0.1, ::ffff:a00:1), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^::(?:ffff:)?((?:\d{1,3}\.){3}\d{1,3})$/.exec(lower);
  if (dotted) return dotted[1] ?? null;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  return null;
}

/** True for an address a request to a user-given URL must not reach. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4 !== null) return isInternalAddress(v4) || blocked.check(address, "ipv6");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export class OutboundRefused extends Error {}

export type OutboundOptions = {
  resolver?: Resolver;
  /** Let private and loopback addresses and plain http through (local development and tests only). */
  allowPrivate?: boolean;
};

/**
 * Checks a URL and resolves its host: the address to connect to, or an
 * OutboundRefused saying why not. Every address the name resolves to must be
 * public (a name with one internal answer is refused).
 */
export async function checkOutboundUrl(raw: string, opts: OutboundOptions = {}): Promise<{ url: URL; address: ResolvedAddress }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused("not a valid URL");
  }
  if (url.protocol !== "https:" && !(opts.allowPrivate && url.protocol === "http:")) throw new OutboundRefused("only https:// addresses are allowed");
  if (url.username || url.password) throw new OutboundRefused("addresses with a user name or password are not allowed");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await (opts.resolver ?? systemResolver)(host);
    } catch (err) {
      throw new OutboundRefused(`the name ${host} does not resolve (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (addresses.length === 0) throw new OutboundRefused(`the name ${host} does not resolve`);
  if (!opts.allowPrivate) {
    const internal = addresses.find((a) => isInternalAddress(a.address));
    if (internal) throw new OutboundRefused(`${host} resolves to ${internal.address}, a private or internal address`);
  }
  return { url, address: addresses[0]! };
}

export type OutboundResponse = { status: number; body: string; headers: Record<string, string>; truncated: boolean };

type OutboundRequest = {
  method?: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
};

/**
 * One request to a checked URL: connects to the checked address only (TLS
 * still verifies the certificate for the URL's name), times out after
 * `timeoutMs`, follows no redirect (a 3xx is an answer like any other) and
 * keeps at most `maxBodyBytes` of the response (`truncated` says so).
 */
export async function requestOutbound(raw: string, init: OutboundRequest, opts: OutboundOptions = {}): Promise<OutboundResponse> {
  const { url, address } = await checkOutboundUrl(raw, opts);
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = init.timeoutMs ?? 10_000;
  const maxBody = init.maxBodyBytes ?? 4096;
  const headers: Record<string, string> = { "user-agent": "Afterview/1", ...init.headers };
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = client.request(url, { method: init.method ?? "GET", headers, lookup: pinned, timeout: timeoutMs, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < maxBody) chunks.push(chunk.subarray(0, maxBody - size));
        size += chunk.length;
        if (size >= maxBody) res.destroy();
      });
      const done = () => {
        const responseHeaders: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: responseHeaders, truncated: size > maxBody });
      };
      res.on("end", done);
      res.on("close", done);
      res.on("error", done);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", reject);
    req.end(init.body);
  });
}

/** POSTs a JSON `body` to a checked URL (webhook deliveries), as requestOutbound. */
export async function postOutbound(
  raw: string,
  init: { headers: Record<string, string>; body: string; timeoutMs?: number; maxBodyBytes?: number },
  opts: OutboundOptions = {},
): Promise<OutboundResponse> {
  return requestOutbound(
    raw,
    { ...init, method: "POST", headers: { "content-type": "application/json", "user-agent": "Afterview-Webhooks/1", ...init.headers } },
    opts,
  );
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  throw new OutboundRefused("unsupported request body");
}

/**
 * A `fetch` for libraries that talk to a user-given server (the OpenID
 * Connect client of single sign-on): every request, discovery and token and
 * keys alike, goes through the same checks as requestOutbound. Responses are
 * capped at 1 MB; a larger one is refused rather than cut.
 */
export function guardedFetch(opts: OutboundOptions = {}): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers ?? request?.headers);
    const body = init?.body !== undefined ? bodyText(init.body) : request ? await request.text() : undefined;
    const res = await requestOutbound(
      url,
      { method: init?.method ?? request?.method ?? "GET", headers: Object.fromEntries(headers), body: body || undefined, timeoutMs: 10_000, maxBodyBytes: 1_048_576 },
      opts,
    );
    if (res.truncated) throw new OutboundRefused(`the answer from ${new URL(url).host} is larger than 1 MB`);
    const empty = res.status === 204 || res.status === 304 || (res.status >= 100 && res.status < 200);
    return new Response(empty ? null : res.body, { status: res.status, headers: res.headers });
  };
}
