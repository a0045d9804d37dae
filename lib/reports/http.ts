import type { Readable } from "node:stream";

/**
 * Small HTTP helpers for the export and API route handlers: streaming a Node
 * stream as a Response body, the download filename, and the Origin check that
 * non-GET route handlers need (server actions do theirs themselves).
 */

/**
 * A web ReadableStream over a Node stream that reads only when the consumer
 * asks (pull), so a slow client slows the database down instead of the rows
 * piling up in memory. Cancelling the web stream (the client went away)
 * destroys the Node stream and calls `onCancel`; `onClose` runs once the
 * reader has taken the last byte.
 */
export function toWebStream(
  node: Readable,
  handlers: { onCancel?: (reason: unknown) => void; onClose?: () => void } = {},
): ReadableStream<Uint8Array> {
  let finished = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  node.on("readable", notify);
  node.on("end", () => {
    finished = true;
    notify();
  });
  node.on("error", (err) => {
    failure = err;
    notify();
  });
  node.on("close", () => {
    finished = true;
    notify();
  });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (failure) {
            controller.error(failure);
            return;
          }
          const chunk = node.read() as Buffer | string | null;
          if (chunk !== null) {
            controller.enqueue(
              typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength),
            );
            return;
          }
          if (finished || node.readableEnded) {
            if (failure) controller.error(failure);
            else {
              controller.close();
              // Every byte has been taken by the reader (the HTTP response), not just produced.
              handlers.onClose?.();
            }
            return;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      },
      cancel(reason) {
        finished = true;
        node.destroy();
        handlers.onCancel?.(reason);
      },
    },
    // One chunk ahead: the Node side already buffers up to its own highWaterMark.
    { highWaterMark: 1 },
  );
}

/** ASCII-safe stand-in for the plain filename= parameter. */
function asciiFallback(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-+/g, "-");
}

/** RFC 6266 / RFC 8187: a quoted ASCII filename for old clients and filename* in UTF-8 for the rest. */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encoded}`;
}

/** A lowercase, hyphenated name for filenames ("Björk & Co." → "bjork-co"). */
export function slugForFilename(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "firm"
  );
}

/**
 * Refuses cross-site requests to a non-GET route handler. A browser sends
 * Sec-Fetch-Site and/or Origin with every POST; a foreign one is refused. A
 * request with neither did not come from a browser page (curl, a BI tool) and
 * carries no ambient cookies an attacker could borrow, so it is let through to
 * the handler's own authentication.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}
