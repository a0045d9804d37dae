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
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
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
