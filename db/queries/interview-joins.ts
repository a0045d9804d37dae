import { and, eq } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { applications, candidates, clients, interviews, jobs } from "../schema";

/**
 * From an interview to the records it belongs to, each join within one firm:
 * its application, its candidate, the application's job and the job's client.
 */
export const interviewJoins = {
  application: and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)),
  candidate: and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)),
  job: and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)),
  client: and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)),
};

/** A select from interviews (made `$dynamic()`) joined to its application, candidate, job and client. */
export function withInterviewRecords<T extends PgSelect>(query: T) {
  return query
    .innerJoin(applications, interviewJoins.application)
    .innerJoin(candidates, interviewJoins.candidate)
    .innerJoin(jobs, interviewJoins.job)
    .innerJoin(clients, interviewJoins.client);
}
