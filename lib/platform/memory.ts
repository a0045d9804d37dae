import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8's full garbage collection, reachable without starting the process with
 * --expose-gc: for the benchmark's memory probe and the tests that check what
 * a long-lived object keeps alive. Not for request paths (it stops the world).
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
