import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { unavailableResponse } from "@/lib/core/availability";
import { INSTANCE_HEADER, requestListener } from "@/lib/platform/cli/next-server.mjs";

/**
 * A page that fails because the database went down a moment ago (before the
 * proxy's cached probe noticed — through a pooler nothing else tells the app
 * sooner) answers like every request after it: 503 and the plain message, not
 * a 500. A 500 while the database is up goes out unchanged, and answers that
 * are not server errors never wait for a probe.
 */
describe("a server error during a database outage", () => {
  let server: Server;
  let base: string;
  let down = false;
  let probes = 0;
  const globals = globalThis as { __afterviewOutage?: unknown };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === "/dashboard" || req.url === "/api/v1/pipeline") {
      // Next's error page: status set, then the body.
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", String(Buffer.byteLength("<p>Internal Server Error</p>")));
      res.write("<p>Internal Server ");
      res.end("Error</p>");
      return;
    }
    if (req.url === "/wrapped") {
      // Next wraps the response's functions in turn (compression): its wrappers must keep working.
      const write = res.write.bind(res) as (chunk: string) => boolean;
      const end = res.end.bind(res) as (chunk?: string) => ServerResponse;
      res.write = ((chunk: string) => write(chunk.toUpperCase())) as typeof res.write;
      res.end = ((chunk?: string) => end(chunk?.toUpperCase())) as typeof res.end;
      res.setHeader("Content-Type", "text/plain");
      res.write("compressed ");
      res.end("body");
      return;
    }
    if (req.url === "/head") {
      res.writeHead(502, { "Content-Type": "text/plain" });
      res.end("bad gateway");
      return;
    }
    res.setHeader("Content-Type", "text/html");
    res.end("<p>page</p>");
  }

  beforeAll(async () => {
    globals.__afterviewOutage = {
      databaseDownNow: async () => {
        probes++;
        return down;
      },
      unavailableResponse,
    };
    server = createServer(requestListener(handle, "app-1"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    down = false;
    probes = 0;
  });
  afterAll(async () => {
    delete globals.__afterviewOutage;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("answers 503 with the plain page (JSON under /api) when a fresh probe finds the database down", async () => {
    down = true;
    const page = await fetch(`${base}/dashboard`);
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get(INSTANCE_HEADER)).toBe("app-1");
    expect(await page.text()).toContain("Afterview is briefly unavailable");

    const api = await fetch(`${base}/api/v1/pipeline`);
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: expect.stringMatching(/briefly unavailable/) });

    const head = await fetch(`${base}/head`);
    expect(head.status).toBe(503);
    await head.arrayBuffer();
  });

  it("sends the server's own error unchanged while the database is up", async () => {
    const page = await fetch(`${base}/dashboard`);
    expect(page.status).toBe(500);
    expect(await page.text()).toBe("<p>Internal Server Error</p>");
    const head = await fetch(`${base}/head`);
    expect(head.status).toBe(502);
    expect(await head.text()).toBe("bad gateway");
    expect(probes).toBe(2);
  });

  it("never probes for an answer that is not a server error", async () => {
    down = true;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<p>page</p>");
    const wrapped = await fetch(`${base}/wrapped`);
    expect(await wrapped.text()).toBe("COMPRESSED BODY");
    expect(probes).toBe(0);
  });
});
