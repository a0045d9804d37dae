import { getCandidateContact } from "@/db/queries/candidates";
import { eraseCandidate } from "@/db/queries/data-rights";
import type { QueryScope } from "@/db/queries/scope";
import { getDatabase } from "@/db/runtime";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";

/**
 * A candidate's request to be forgotten: erases their personal data once
 * the admin has typed the candidate's name to confirm (see eraseCandidate
 * for what goes and what stays). Returns the name that was erased.
 *
 * It needs the tables' owner connection: erasure is one transaction that
 * changes the firm's rows as the app role, under row-level security, and
 * then, as the owner, the rows that are a person's rather than a firm's —
 * their account, sessions, password resets, sign-in throttles, mail sent
 * before sign-in and queued jobs — so that either all of it happens or none.
 */
export async function eraseCandidateOnRequest(scope: QueryScope, input: { candidateId: string; confirmName: string }): Promise<{ name: string }> {
  const candidate = await getCandidateContact(scope, input.candidateId);
  if (!candidate) throw new AppError("not_found", "That candidate does not exist or was already erased.");
  if (candidate.name.trim().toLowerCase() !== input.confirmName.toLowerCase()) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { confirmName: [`Type the candidate's name, ${candidate.name}, to confirm.`] });
  }
  const owner = (await getDatabase()).db;
  if ((await eraseCandidate(scope, owner, input.candidateId, { kind: "request" })) !== "erased") throw new AppError("not_found");
  return { name: candidate.name };
}
