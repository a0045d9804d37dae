/**
 * Whether the database answers, as the proxy sees it. Pages and API routes
 * need the database; while it is unreachable the proxy answers 503 with a
 * plain message instead of letting each request fail with a 500, and it
 * re-probes so the app recovers by itself when the database returns.
 *
 * The state lives on globalThis: the proxy and the server code are separate
 * bundles in one process, and the server registers the probe at start
 * (lib/platform/server-process.ts). This module imports nothing, so the proxy can use it.
 */
export type DatabaseProbe = () => Promise<void>;

interface AvailabilityState {
  probe?: DatabaseProbe;
  /** Last probe result; undefined before the first one. */
  up?: boolean;
  checkedAt: number;
  inFlight?: Promise<boolean>;
}

const state: AvailabilityState = ((globalThis as { __afterviewAvailability?: AvailabilityState }).__afterviewAvailability ??= {
  checkedAt: 0,
});

/** While up, re-probe in the background this often (a request never waits for it). */
export const UP_RECHECK_MS = 2_000;
/** While down, a request probes again at most this often, and waits for the answer. */
export const DOWN_RECHECK_MS = 1_000;
/** A probe that takes longer than this counts as the database being down. */
export const PROBE_TIMEOUT_MS = 2_000;

export function registerDatabaseProbe(probe: DatabaseProbe | undefined): void {
  state.probe = probe;
  state.up = undefined;
  state.checkedAt = 0;
  state.inFlight = undefined;
}

/**
 * A connection failed (a pool error, a health check): the next request waits
 * for a fresh probe instead of trusting the last one.
 */
export function markDatabaseSuspect(): void {
  state.checkedAt = 0;
  if (state.up) state.up = undefined;
}

function runProbe(probe: DatabaseProbe): Promise<boolean> {
  if (state.inFlight) return state.inFlight;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database probe timed out")), PROBE_TIMEOUT_MS);
  });
  const p = Promise.race([probe(), timeout])
    .then(
      () => true,
      () => false,
    )
    .then((up) => {
      clearTimeout(timer);
      state.up = up;
      state.checkedAt = Date.now();
      state.inFlight = undefined;
      return up;
    });
  state.inFlight = p;
  return p;
}

/**
 * True when requests should go through. Without a registered probe (no
 * server process, e.g. at build time) the answer is always yes.
 */
export async function databaseAvailable(): Promise<boolean> {
  const probe = state.probe;
  if (!probe) return true;
  const age = Date.now() - state.checkedAt;
  if (state.up === true) {
    if (age > UP_RECHECK_MS) void runProbe(probe);
    return true;
  }
  if (state.up === false && age < DOWN_RECHECK_MS) return false;
  return runProbe(probe);
}

/**
 * After a request failed with a server error: whether the database is down
 * right now, by a fresh probe (the cached state may be up to UP_RECHECK_MS
 * old — through a pooler the app's pool sees no connection error to mark it
 * sooner). The HTTP server then answers 503 instead of the 500.
 */
export async function databaseDownNow(): Promise<boolean> {
  if (!state.probe) return false;
  markDatabaseSuspect();
  return !(await databaseAvailable());
}

/** What the HTTP server (lib/platform/cli/next-server.mjs, plain JavaScript) reaches through globalThis. */
export interface OutageHooks {
  databaseDownNow: () => Promise<boolean>;
  unavailableResponse: (api: boolean) => Response;
}

export function exposeOutageHooks(): void {
  (globalThis as { __afterviewOutage?: OutageHooks }).__afterviewOutage = { databaseDownNow, unavailableResponse };
}

const UNAVAILABLE_TEXT = "Afterview cannot reach its database right now. Nothing you saved is lost. Try again in a moment.";

/** The 503 the proxy answers while the database is down: JSON for the API, a plain page otherwise. */
export function unavailableResponse(api: boolean): Response {
  const headers = { "Cache-Control": "no-store", "Retry-After": "5" };
  if (api) {
    return Response.json({ error: "The service is briefly unavailable. Try again in a moment." }, { status: 503, headers });
  }
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Afterview is briefly unavailable</title></head>" +
    '<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">' +
    `<h1>Afterview is briefly unavailable</h1><p>${UNAVAILABLE_TEXT}</p></body></html>`;
  return new Response(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
