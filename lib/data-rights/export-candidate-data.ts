import { exportCandidateData } from "@/db/queries/data-rights";
import { getDatabase } from "@/db/runtime";
import type { Scope } from "@/lib/auth/scope";

/**
 * A data-subject access request: everything the firm holds on one candidate,
 * as the JSON document an admin downloads for them (audited by the query).
 * Null when the firm has no such candidate.
 *
 * It needs the tables' owner connection beside the scope: the candidate's
 * sign-in sessions and password resets are a person's rows, not a firm's,
 * and row-level security hides them from a firm's scope. The query reads
 * them there only for the accounts it found through this firm's memberships
 * (unsafeAccountRecords); everything else it reads through the scope.
 */
export async function downloadCandidateData(scope: Scope, candidateId: string) {
  const data = await exportCandidateData(scope, (await getDatabase()).db, candidateId);
  if (!data) return null;
  return { exportedAt: new Date().toISOString(), exportedBy: scope.userEmail, firm: scope.firmName, ...data };
}
