import { after } from "next/server";

/**
 * Work that follows a request but must not hold up its answer (an email, say):
 * run after the response has been sent. Outside a request (scripts, tests) there
 * is no response to wait for, so it runs at once and is awaited.
 *
 * Nothing records the task: a crash or restart before it ran loses it. Work
 * that must happen once the change has committed belongs in the durable job
 * table instead (enqueueJob in lib/jobs/queue.ts).
 */
export async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    after(task);
  } catch {
    await task();
  }
}
