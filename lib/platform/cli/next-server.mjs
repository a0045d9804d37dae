// @ts-check
/**
 * The HTTP server `npm start` runs (lib/platform/cli/start.ts starts it as its own
 * process): Next.js's documented custom server, plus one thing `next start`
 * cannot do — it records the address of the connection a request arrived on
 * in a private header, so lib/auth/request.ts knows the real peer even when a
 * client sends its own X-Forwarded-For. Any copy of that header a client sends
 * is dropped first. Every response it gives — pages, API answers, redirects,
 * the 503 while the database is down, static files — names the process that
 * answered in X-Afterview-Instance (AFTERVIEW_INSTANCE, else host-pid), so a
 * load balancer's logs and tests can tell the instances apart.
 *
 * Usage: node lib/platform/cli/next-server.mjs <port> [--dev]
 */
import { createServer } from "node:http";
import { hostname } from "node:os";
import { pathToFileURL } from "node:url";
import next from "next";

/** Also named in lib/auth/request.ts; tests/unit/client-ip.test.ts checks that they agree. */
export const PEER_HEADER = "x-afterview-peer";

/** Named in README's Settings table (AFTERVIEW_INSTANCE). */
export const INSTANCE_HEADER = "X-Afterview-Instance";

/**
 * This process's name: AFTERVIEW_INSTANCE (checked by lib/platform/env.ts when
 * the launcher starts), else `<host>-<pid>`.
 * @param {string | undefined} configured
 */
export function instanceName(configured) {
  const v = configured?.trim();
  return v || `${hostname()}-${process.pid}`;
}

/**
 * The server's request listener: stamps the peer, names the instance on the
 * response before Next writes anything, then lets Next answer.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} handle
 * @param {string} instance
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void}
 */
export function requestListener(handle, instance) {
  return (req, res) => {
    stampPeerAddress(req);
    res.setHeader(INSTANCE_HEADER, instance);
    answerOutageAs503(req, res);
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

/**
 * @typedef {{ databaseDownNow: () => Promise<boolean>, unavailableResponse: (api: boolean) => Response }} OutageHooks
 */

/**
 * A request that fails with a server error because the database went down a
 * moment ago — before the proxy's cached probe noticed — gets the same 503 and
 * plain message as the requests after it, not a 500 page. When the response's
 * head is about to go out with a 5xx (other than 503), its writes are held and
 * the database is probed afresh (lib/core/availability.ts, reached through
 * globalThis as the server process registered it): down → the 503 replaces the
 * held answer; up → the held answer goes out unchanged.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function answerOutageAs503(req, res) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  /** @type {null | Array<() => void>} */
  let held = null;
  let decided = false;
  // The wrappers stay in place once decided (they only pass through then):
  // Next may wrap them in turn (compression), and must keep its own wrappers.
  /**
   * @param {() => void} call
   * @param {number} status the status the head goes out with
   */
  const hold = (call, status = res.statusCode) => {
    if (decided) return call();
    if (held) {
      held.push(call);
      return true;
    }
    if (status < 500 || status === 503) {
      decided = true;
      return call();
    }
    held = [call];
    const hooks = /** @type {{ __afterviewOutage?: OutageHooks }} */ (globalThis).__afterviewOutage;
    (hooks ? hooks.databaseDownNow() : Promise.resolve(false))
      .catch(() => false)
      .then(async (down) => {
        decided = true;
        if (!down || !hooks) {
          for (const c of held ?? []) c();
          return;
        }
        const api = (req.url ?? "").startsWith("/api/");
        const answer = hooks.unavailableResponse(api);
        const body = await answer.text();
        for (const name of res.getHeaderNames()) if (name !== INSTANCE_HEADER.toLowerCase()) res.removeHeader(name);
        // Straight to the socket's own functions: past any wrapper (compression) the held answer went through.
        original.writeHead.call(res, answer.status, Object.fromEntries(answer.headers));
        original.end.call(res, body);
      });
    return true;
  };
  res.writeHead = /** @type {any} */ (
    (/** @type {any[]} */ ...args) => (hold(() => original.writeHead.apply(res, /** @type {any} */ (args)), typeof args[0] === "number" ? args[0] : res.statusCode), res)
  );
  res.write = /** @type {any} */ ((/** @type {any[]} */ ...args) => hold(() => original.write.apply(res, /** @type {any} */ (args))));
  res.end = /** @type {any} */ ((/** @type {any[]} */ ...args) => (hold(() => original.end.apply(res, /** @type {any} */ (args))), res));
}

const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Replaces whatever a client sent under the private header with the socket's
 * own address (an IPv4 address in IPv6 form is written as plain IPv4).
 * @param {import("node:http").IncomingMessage} req
 */
export function stampPeerAddress(req) {
  delete req.headers[PEER_HEADER];
  // A client may repeat the header in the raw list too; Next reads the parsed one, but keep both clean.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]?.toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
  const address = req.socket.remoteAddress;
  if (address) {
    const plain = address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
    req.headers[PEER_HEADER] = plain;
    req.rawHeaders.push(PEER_HEADER, plain);
  }
}

async function main() {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`usage: next-server.mjs <port> [--dev]`);
  const dev = process.argv.includes("--dev");
  const app = next({ dev, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer(requestListener(handle, instanceName(process.env.AFTERVIEW_INSTANCE)));
  server.on("error", (err) => {
    console.error(`afterview: the server could not listen on port ${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port);

  // Stopping: accept no new connections, let the requests in flight finish,
  // close Next, then exit with 128 + the signal's number (as `next start` does).
  // The launcher bounds how long this may take.
  let stopping = false;
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => {
        app
          .close()
          .catch((err) => console.error(err))
          .finally(() => process.exit(SIGNAL_EXIT_CODES[signal]));
      });
      server.closeIdleConnections();
      if (dev) server.closeAllConnections();
    });
  }
}

// Run only as a program; tests import stampPeerAddress and requestListener.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
