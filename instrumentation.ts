/**
 * Runs once when a server process starts. The literal process.env.NEXT_RUNTIME
 * check lets the bundler drop the Node-only code from the edge build.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- must be the literal expression for dead-code elimination
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerProcess } = await import("./lib/platform/server-process");
    await startServerProcess();
  }
}
