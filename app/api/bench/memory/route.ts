import os from "node:os";
import path from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { internalRoutes } from "@/lib/platform/env";
import { collectGarbage } from "@/lib/platform/memory";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/**
 * The mixed-load run's memory probe: this process's memory after a full
 * garbage collection, so that what the server still holds (the heap's live
 * objects) can be told from what the allocator has not yet given back (RSS).
 * It exists only when AFTERVIEW_BENCH_ROUTES=1 and never in production;
 * otherwise it is a 404 like any unknown URL. With `?snapshot=NAME` it also
 * writes a heap snapshot (NAME.heapsnapshot in the system's temporary folder)
 * and answers its path.
 */
export async function GET(request: Request) {
  if (!internalRoutes().bench) return jsonError(404, "Not found");
  const name = new URL(request.url).searchParams.get("snapshot");
  if (name !== null && !/^[\w-]{1,40}$/.test(name)) return jsonError(422, "snapshot must be a name of letters, digits, - and _");
  const before = process.memoryUsage();
  collectGarbage();
  const after = process.memoryUsage();
  const snapshot = name === null ? null : writeHeapSnapshot(path.join(os.tmpdir(), `${name}.heapsnapshot`));
  return Response.json(
    {
      before: { rss: before.rss, heapUsed: before.heapUsed, heapTotal: before.heapTotal, external: before.external, arrayBuffers: before.arrayBuffers },
      after: { rss: after.rss, heapUsed: after.heapUsed, heapTotal: after.heapTotal, external: after.external, arrayBuffers: after.arrayBuffers },
      snapshot,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
