import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp, PEER_HEADER } from "@/lib/auth/request";
import { PEER_HEADER as SERVER_PEER_HEADER, stampPeerAddress } from "@/lib/platform/cli/next-server.mjs";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("the client's address", () => {
  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const forged = h({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2" });
    expect(clientIp(forged, 0)).toBe("198.51.100.7");
  });

  it("is the entry the trusted proxies appended, counted from the right", () => {
    // client 198.51.100.7 -> CDN (adds the client) -> load balancer (adds the CDN) -> app (peer: the balancer)
    const headers = h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.1" });
    expect(clientIp(headers, 1)).toBe("10.0.0.1");
    expect(clientIp(headers, 2)).toBe("198.51.100.7");
    // A client-written entry to the left never counts unless there are that many proxies.
    expect(clientIp(headers, 3)).toBe("203.0.113.66");
  });

  it("falls back to the peer when the list is too short or the trusted entry is not an address", () => {
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4" }), 3)).toBe("10.0.0.2");
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "evil<script>" }), 1)).toBe("10.0.0.2");
  });

  it("is unknown without the peer header rather than whatever the client claims", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.1" }), 0)).toBeNull();
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.1" }), 1)).toBeNull();
    expect(clientIp(h({ [PEER_HEADER]: "not an address" }), 0)).toBeNull();
  });

  it("writes IPv4 peers plainly and keeps IPv6 ones", () => {
    expect(clientIp(h({ [PEER_HEADER]: "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientIp(h({ [PEER_HEADER]: "2001:DB8::1" }), 0)).toBe("2001:db8::1");
  });
});

describe("the server's peer header", () => {
  function request(headers: Record<string, string>, remoteAddress: string): IncomingMessage {
    return {
      headers: { ...headers },
      rawHeaders: Object.entries(headers).flat(),
      socket: { remoteAddress },
    } as unknown as IncomingMessage;
  }

  it("is the one lib/auth/request.ts reads", () => {
    expect(SERVER_PEER_HEADER).toBe(PEER_HEADER);
  });

  it("replaces a copy the client sent with the socket's address", () => {
    const req = request({ [PEER_HEADER]: "203.0.113.1", "x-forwarded-for": "203.0.113.1" }, "::ffff:198.51.100.7");
    stampPeerAddress(req);
    expect(req.headers[PEER_HEADER]).toBe("198.51.100.7");
    expect(req.rawHeaders.filter((v, i) => i % 2 === 0 && v.toLowerCase() === PEER_HEADER)).toHaveLength(1);
    expect(clientIp(new Headers(req.headers as Record<string, string>), 0)).toBe("198.51.100.7");
  });
});
