/**
 * What the scale-out tests share: signing in over HTTP with a cookie jar,
 * the test firm of /api/test-support/firm, the build's server-action ids, and
 * direct SQL on the topology's primary.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestFirm } from "@/db/test-firm";
import { pgQuery } from "@/lib/platform/cli/scale-out/topology";
export { percentile, signIn } from "../bench/support";

/** One query on its own connection (the topology's checks). */
export const sql = pgQuery;

export const INSTANCE_HEADER = "x-afterview-instance";

export async function testFirm(base: string, label: string): Promise<TestFirm> {
  const res = await fetch(`${base}/api/test-support/firm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ label }),
  });
  if (res.status !== 201) throw new Error(`test firm: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as TestFirm;
}

/** A server action's id in the build's manifest. */
export function actionId(distDir: string, file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === name) return id;
  }
  throw new Error(`No server action ${name} of ${file} in the build's manifest.`);
}

export const DEBRIEF_ACTIONS = "app/(candidate)/my/interviews/[id]/debrief/actions.ts";

/**
 * Calls a debrief action (save or submit) as the browser does: the form's
 * fields under "_1_", the arguments in "0". Returns the status, the stored
 * version when it answered ok, and the body.
 */
export async function debriefAction(
  base: string,
  action: string,
  o: { cookie: string; interviewId: string; version: number | null; draft: unknown },
): Promise<{ status: number; version: number | null; text: string; instance: string | null }> {
  const body = new FormData();
  body.append("_1_interviewId", o.interviewId);
  body.append("_1_version", o.version === null ? "" : String(o.version));
  body.append("_1_draft", JSON.stringify(o.draft));
  body.append("0", JSON.stringify([null, "$K1"]));
  const res = await fetch(`${base}/my/interviews/${o.interviewId}/debrief`, {
    method: "POST",
    headers: { cookie: o.cookie, "next-action": action, accept: "text/x-component", origin: base },
    body,
  });
  const text = await res.text();
  const m = /"ok":true,"data":\{[^}]*?"version":(\d+)/.exec(text);
  return { status: res.status, version: m ? Number(m[1]) : null, text, instance: res.headers.get(INSTANCE_HEADER) };
}
