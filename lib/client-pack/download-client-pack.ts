import { recordAudit } from "@/db/queries/audit";
import { getClientPackData } from "@/db/queries/client-pack";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { clientPackFileName } from "./format";
import { renderClientPack } from "./render-client-pack";

export interface ClientPackDownload {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * One application's client pack for a staff member to send on: the data read
 * and the download recorded in the audit log (`client_pack.downloaded`, with
 * whether the salary was included and for which client) in one transaction,
 * then the PDF as a stream. Null when the firm has no such application.
 */
export async function downloadClientPack(
  scope: QueryScope,
  input: { applicationId: string; includeSalary: boolean },
  now: Date = new Date(),
): Promise<ClientPackDownload | null> {
  const data = await inTransaction(scope, async (tx) => {
    const pack = await getClientPackData(tx, input.applicationId);
    if (!pack) return null;
    await recordAudit(tx, {
      action: "client_pack.downloaded",
      entityType: "application",
      entityId: pack.applicationId,
      changes: { includeSalary: input.includeSalary, clientId: pack.clientId, interviews: pack.interviews.length },
    });
    return pack;
  });
  if (!data) return null;
  return {
    fileName: clientPackFileName(data.candidateName, data.jobTitle),
    body: renderClientPack(data, { includeSalary: input.includeSalary, preparedAt: now }),
  };
}
