import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { setThankYouNote, type SetThankYouInput, type SetThankYouResult } from "@/db/queries/thank-you-notes";
import { AppError } from "@/lib/core/errors";
import { syncPlan } from "./sync";

function refusal(result: Exclude<SetThankYouResult, { status: "saved" }>): AppError {
  if (result.status === "closed") {
    const what = result.interviewStatus === "no_show" ? "was recorded as missed" : "was cancelled";
    return new AppError("invalid", `This interview ${what}, so there are no notes to send.`);
  }
  if (result.status === "not_started") return new AppError("invalid", "This interview has not taken place yet.");
  return new AppError("not_found");
}

/**
 * rule 2: the candidate ticks a thank-you note off (or back on) from the plan;
 * the plan's tasks follow in the same transaction. A refused tick changes
 * nothing: not even the draft a first tick would have started.
 */
export async function markThankYou(scope: QueryScope, input: SetThankYouInput): Promise<void> {
  await inTransaction(scope, async (tx) => {
    const result = await setThankYouNote(tx, input);
    if (result.status !== "saved") throw refusal(result);
    await syncPlan(tx, input.interviewId);
  });
}
