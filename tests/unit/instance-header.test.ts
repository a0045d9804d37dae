import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANCE_HEADER, instanceName, requestListener } from "@/lib/platform/cli/next-server.mjs";

/**
 * next-server.mjs names the answering process on every response, before Next
 * writes anything: whatever way the answer is written (a page, a static file
 * with writeHead, a redirect, the 503 while the database is down, a handler
 * that throws), the header is there. A load balancer's test relies on it.
 */
describe("the X-Afterview-Instance header", () => {
  let server: Server;
  let base: string;

  // Stands in for Next's request handler, answering the way Next does for each kind of response.
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (req.url) {
      case "/_next/static/app.js":
        res.writeHead(200, { "Content-Type": "application/javascript", "Cache-Control": "public, max-age=31536000, immutable" });
        res.end("void 0;");
        return;
      case "/dashboard":
        res.writeHead(307, { Location: "/sign-in?next=%2Fdashboard" });
        res.end();
        return;
      case "/down":
        res.statusCode = 503;
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.end("The database is unreachable.");
        return;
      case "/throws":
        throw new Error("handler failed");
      default:
        res.setHeader("Content-Type", "text/html");
        res.end("<!doctype html><p>page</p>");
    }
  }

  beforeAll(async () => {
    server = createServer(requestListener(handle, "app-1"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ["/", 200],
    ["/_next/static/app.js", 200],
    ["/dashboard", 307],
    ["/down", 503],
    ["/throws", 500],
  ])("is on the answer to %s (%i)", async (path, status) => {
    const origError = console.error;
    console.error = () => {};
    try {
      const res = await fetch(`${base}${path}`, { redirect: "manual" });
      expect(res.status).toBe(status);
      expect(res.headers.get(INSTANCE_HEADER)).toBe("app-1");
      await res.arrayBuffer();
    } finally {
      console.error = origError;
    }
  });

  it("is AFTERVIEW_INSTANCE when set, else the host and process id", () => {
    expect(instanceName(" web-2 ")).toBe("web-2");
    expect(instanceName(undefined)).toBe(`${hostname()}-${process.pid}`);
    expect(instanceName("")).toBe(`${hostname()}-${process.pid}`);
  });
});
