import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutboundUrl, isInternalAddress, OutboundRefused, postOutbound, type Resolver } from "@/lib/platform/security/outbound";

const resolveTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("the outbound guard: no request to a private, loopback or link-local address", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:10.0.0.1",
    "::ffff:127.0.0.1",
    "::ffff:a00:1",
    "::ffff:a9fe:a9fe",
    "ff02::1",
  ])("%s is internal", (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });

  it.each([
    ["https://127.0.0.1/hook", /127\.0\.0\.1/],
    ["https://[::1]/hook", /::1/],
    ["https://[fe80::1]/hook", /fe80::1/],
    ["https://[fc00::1]/hook", /fc00::1/],
    ["https://[::ffff:10.0.0.1]/hook", /private or internal/],
    ["https://10.1.2.3:8443/hook", /10\.1\.2\.3/],
    ["https://169.254.169.254/latest/meta-data", /169\.254/],
  ])("refuses %s", async (url, message) => {
    await expect(checkOutboundUrl(url, { resolver: resolveTo("93.184.216.34") })).rejects.toThrow(message);
  });

  it("refuses a name that resolves to a private address, or to a public and a private one", async () => {
    await expect(checkOutboundUrl("https://intranet.example/hook", { resolver: resolveTo("10.0.0.7") })).rejects.toBeInstanceOf(OutboundRefused);
    await expect(checkOutboundUrl("https://mixed.example/hook", { resolver: resolveTo("93.184.216.34", "192.168.0.2") })).rejects.toThrow(
      /192\.168\.0\.2/,
    );
    await expect(checkOutboundUrl("https://six.example/hook", { resolver: resolveTo("fd00::5") })).rejects.toThrow(/fd00::5/);
  });

  it("refuses plain http, credentials in the address, and names that do not resolve", async () => {
    await expect(checkOutboundUrl("http://hooks.example/x", { resolver: resolveTo("93.184.216.34") })).rejects.toThrow(/https/);
    await expect(checkOutboundUrl("https://u:p@hooks.example/x", { resolver: resolveTo("93.184.216.34") })).rejects.toThrow(/password/);
    await expect(checkOutboundUrl("https://nowhere.example/x", { resolver: resolveTo() })).rejects.toThrow(/does not resolve/);
    await expect(
      checkOutboundUrl("https://broken.example/x", {
        resolver: async () => {
          throw new Error("ENOTFOUND");
        },
      }),
    ).rejects.toThrow(/does not resolve/);
  });

  it("accepts a public name and resolves it once", async () => {
    let calls = 0;
    const rebinding: Resolver = async () => (calls++ === 0 ? [{ address: "93.184.216.34", family: 4 }] : [{ address: "127.0.0.1", family: 4 }]);
    const checked = await checkOutboundUrl("https://rebind.example/hook", { resolver: rebinding });
    expect(checked.address.address).toBe("93.184.216.34");
    expect(calls).toBe(1);
  });

  describe("the connection goes to the address that was checked", () => {
    let server: Server;
    let port = 0;
    const received: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
          received.push(`${req.headers.host} ${body}`);
          res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end("x".repeat(10_000));
        });
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("a rebinding name that answers 127.0.0.1 and then 127.0.0.2 is reached at 127.0.0.1, once, with no redirect followed", async () => {
      // Local development setting: loopback is allowed, so the test can watch where the request lands.
      let calls = 0;
      const rebinding: Resolver = async () => [{ address: calls++ === 0 ? "127.0.0.1" : "127.0.0.2", family: 4 }];
      const res = await postOutbound(`http://rebind.test:${port}/hook`, { headers: {}, body: '{"a":1}', maxBodyBytes: 100 }, { allowPrivate: true, resolver: rebinding });
      expect(res.status).toBe(302);
      expect(res.body.length).toBeLessThanOrEqual(100);
      expect(calls).toBe(1);
      expect(received).toEqual([`rebind.test:${port} {"a":1}`]);
    });

    it("without the local setting the same receiver is refused before any connection", async () => {
      await expect(postOutbound(`https://127.0.0.1:${port}/hook`, { headers: {}, body: "{}" })).rejects.toBeInstanceOf(OutboundRefused);
      await expect(
        postOutbound(`https://hooks.example:${port}/hook`, { headers: {}, body: "{}" }, { resolver: resolveTo("127.0.0.1") }),
      ).rejects.toBeInstanceOf(OutboundRefused);
      expect(received).toHaveLength(1);
    });

    it("gives up on a receiver that does not answer in time", async () => {
      const slow = createServer(() => {});
      await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
      try {
        const slowPort = (slow.address() as AddressInfo).port;
        await expect(postOutbound(`http://127.0.0.1:${slowPort}/`, { headers: {}, body: "{}", timeoutMs: 200 }, { allowPrivate: true })).rejects.toThrow(/no answer/);
      } finally {
        slow.closeAllConnections();
        await new Promise<void>((r) => slow.close(() => r()));
      }
    });
  });
});
