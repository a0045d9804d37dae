import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCandidate } from "@/db/queries/candidates";
import { listOwnerOptions } from "@/db/queries/jobs";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { recordIdParam } from "../../../_components/params";
import { updateCandidateAction } from "../../actions";
import { CandidateForm } from "../../candidate-form";

export const metadata: Metadata = { title: "Edit candidate" };

export default async function EditCandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope("candidates.write");
  const id = await recordIdParam(params);
  const candidate = await getCandidate(scope, id);
  if (!candidate) notFound();
  const owners = await listOwnerOptions(scope);
  const ownerList =
    candidate.ownerUserId && !owners.some((o) => o.id === candidate.ownerUserId)
      ? [...owners, { id: candidate.ownerUserId, name: candidate.ownerName ?? "Former member" }]
      : owners;
  return (
    <div className="flex flex-col">
      <PageHeader title={`Edit ${candidate.name}`} eyebrow={<Link href={`/candidates/${id}`}>{candidate.name}</Link>} />
      {candidate.anonymizedAt ? (
        <Alert variant="warning">
          <AlertDescription>This candidate&apos;s personal data was erased; the record can no longer be edited.</AlertDescription>
        </Alert>
      ) : (
        <CandidateForm
          action={updateCandidateAction}
          id={id}
          version={candidate.version}
          initial={{
            name: candidate.name,
            email: candidate.email,
            phone: candidate.phone,
            location: candidate.location,
            headline: candidate.headline,
            notes: candidate.notes,
            ownerUserId: candidate.ownerUserId ?? "",
          }}
          owners={ownerList}
          cancelHref={`/candidates/${id}`}
        />
      )}
    </div>
  );
}
