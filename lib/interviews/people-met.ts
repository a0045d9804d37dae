import { confirmPersonAsContact, mergePersonWithContact, type NewContactFields } from "@/db/queries/people-met";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { syncPlan } from "@/lib/plans/sync";

/**
 * The recruiter resolves a person the candidate met into a client contact: a
 * new one (confirm) or an existing one (merge). The person's thank-you step
 * is then keyed by the contact; the plan sync in the same transaction moves
 * its task to that key, so it stays the one task, ticked or not.
 */

export async function confirmPersonMet(
  scope: QueryScope,
  input: { personId: string; fields: NewContactFields; now?: Date },
): Promise<{ contactId: string } | "not_found"> {
  return inTransaction(scope, async (tx) => {
    const r = await confirmPersonAsContact(tx, input);
    if (r === "not_found") return r;
    await syncPlan(tx, r.interviewId, { now: input.now });
    return { contactId: r.contactId };
  });
}

export async function mergePersonMet(
  scope: QueryScope,
  input: { personId: string; contactId: string; now?: Date },
): Promise<{ contactId: string } | "not_found"> {
  return inTransaction(scope, async (tx) => {
    const r = await mergePersonWithContact(tx, input);
    if (r === "not_found") return r;
    await syncPlan(tx, r.interviewId, { now: input.now });
    return { contactId: r.contactId };
  });
}
