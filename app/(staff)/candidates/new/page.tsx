import type { Metadata } from "next";
import Link from "next/link";
import { listOwnerOptions } from "@/db/queries/jobs";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { createCandidateAction } from "../actions";
import { CandidateForm } from "../candidate-form";

export const metadata: Metadata = { title: "New candidate" };

export default async function NewCandidatePage() {
  const scope = await requireScope("candidates.write");
  const owners = await listOwnerOptions(scope);
  return (
    <div className="flex flex-col">
      <PageHeader title="New candidate" description="A person your firm represents." eyebrow={<Link href="/candidates">Candidates</Link>} />
      <CandidateForm
        action={createCandidateAction}
        initial={{ ownerUserId: owners.some((o) => o.id === scope.userId) ? scope.userId : "" }}
        owners={owners}
        cancelHref="/candidates"
      />
    </div>
  );
}
