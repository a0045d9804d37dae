import type { Metadata } from "next";
import { listOwnerOptions } from "@/db/queries/jobs";
import { requireScope } from "@/lib/auth/scope";
import { NewRecordHeader } from "../../_components/records/detail-header";
import { createCandidateAction } from "../actions";
import { CandidateForm } from "../candidate-form";

export const metadata: Metadata = { title: "New candidate" };

export default async function NewCandidatePage() {
  const scope = await requireScope("candidates.write");
  const owners = await listOwnerOptions(scope, { include: scope.userId });
  return (
    <div className="flex flex-col">
      <NewRecordHeader noun="candidate" description="A person your firm represents." list={{ href: "/candidates", label: "Candidates" }} />
      <CandidateForm
        action={createCandidateAction}
        initial={{ ownerUserId: owners.items.some((o) => o.id === scope.userId) ? scope.userId : "" }}
        owners={owners}
        cancelHref="/candidates"
      />
    </div>
  );
}
