import { and, eq, isNull } from "drizzle-orm";
import { candidates } from "../schema";
import type { QueryScope } from "./scope";

/** One candidate's name and email (for invitations), or null if not in the scope. */
export async function getCandidateContact(scope: QueryScope, candidateId: string) {
  const where = [eq(candidates.firmId, scope.firmId), eq(candidates.id, candidateId), isNull(candidates.anonymizedAt)];
  if (scope.candidateId) where.push(eq(candidates.id, scope.candidateId));
  const [row] = await scope.db
    .select({ id: candidates.id, name: candidates.name, email: candidates.email })
    .from(candidates)
    .where(and(...where))
    .limit(1);
  return row ?? null;
}
