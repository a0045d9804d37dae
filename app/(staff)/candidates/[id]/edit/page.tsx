import type { Metadata } from "next";
import { getCandidate } from "@/db/queries/candidates";
import { listOwnerOptions } from "@/db/queries/jobs";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { EditRecordHeader } from "../../../_components/records/detail-header";
import { loadRecord, ownersWith, type RecordPageProps } from "../../../_components/records/load-record";
import { updateCandidateAction } from "../../actions";
import { CandidateForm } from "../../candidate-form";
import { candidateValues } from "../../fields";

export const metadata: Metadata = { title: "Edit candidate" };

export default async function EditCandidatePage({ params }: Pick<RecordPageProps, "params">) {
  const { scope, id, record: candidate } = await loadRecord("candidates.write", params, getCandidate);
  const owners = await listOwnerOptions(scope, { include: candidate.ownerUserId });
  return (
    <div className="flex flex-col">
      <EditRecordHeader href={`/candidates/${id}`} name={candidate.name} />
      {candidate.anonymizedAt ? (
        <Alert variant="warning">
          <AlertDescription>This candidate&apos;s personal data was erased; the record can no longer be edited.</AlertDescription>
        </Alert>
      ) : (
        <CandidateForm
          action={updateCandidateAction}
          id={id}
          version={candidate.version}
          initial={candidateValues(candidate)}
          owners={ownersWith(owners, candidate)}
          cancelHref={`/candidates/${id}`}
        />
      )}
    </div>
  );
}
