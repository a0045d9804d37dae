/**
 * `npm run scale-out`: the scale-out topology on this machine (see
 * topology.ts): HAProxy → two app instances (+ a worker) → PgBouncer →
 * PostgreSQL primary, reads of reports and downloads from a streaming replica.
 * Prints the address and the demo logins; Ctrl+C stops everything and
 * removes its temporary folder.
 */
import { startTopology, stopStartingTopologies, TopologyError, type Topology } from "./topology";

async function main() {
  let topology: Topology | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nscale-out: stopping…");
    await stopStartingTopologies().catch((err: unknown) => console.error(err));
    await topology?.stop().catch((err: unknown) => console.error(err));
    process.exit(code);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void stop(0));

  try {
    topology = await startTopology({ seedDemo: true });
  } catch (err) {
    // A stop asked for while starting finishes (and exits) on its own.
    if (stopping) return;
    process.stderr.write(`scale-out: ${err instanceof TopologyError || err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  if (stopping) return;
  const t = topology;
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import("../../../../db/seed");
  const lines = [
    "",
    `  Afterview (two instances behind HAProxy) is running at ${t.url}`,
    "",
    `    instance a  ${t.instances.a.url}   (runs the jobs)`,
    `    instance b  ${t.instances.b.url}`,
    `    worker      pid ${t.workerPid}`,
    `    PgBouncer   ${t.pgbouncerUrl}   (transaction pooling; DATABASE_URL)`,
    `    primary     ${t.primaryUrl}   (DATABASE_DIRECT_URL)`,
    `    replica     ${t.replicaUrl}   (DATABASE_READ_URL)`,
    `    logs        ${t.tempDir}/logs`,
    "",
    `  Demo logins (password for all: ${DEMO_PASSWORD})`,
    ...DEMO_LOGINS.map((l) => `    ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.note}`),
    "",
    "  Stop with Ctrl+C (removes the databases and logs).",
    "",
  ];
  console.log(lines.join("\n"));
  // A part that dies takes the whole topology down rather than leaving half of it.
  void Promise.race([t.instances.a.exited.then(() => "instance a"), t.instances.b.exited.then(() => "instance b")]).then((who) => {
    if (stopping) return;
    process.stderr.write(`scale-out: ${who} stopped; stopping the rest.\n`);
    void stop(1);
  });
}

void main();
