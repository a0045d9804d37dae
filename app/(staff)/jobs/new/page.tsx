import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { listOwnerOptions } from "@/db/queries/jobs";
import { requireScope } from "@/lib/auth/scope";
import type { SearchParams } from "@/lib/core/validation/records";
import { NewRecordHeader } from "../../_components/records/detail-header";
import { clientChoices, clientFromQuery, clientIdFromQuery } from "../../_components/records/load-record";
import { createJobAction } from "../actions";
import { JobForm } from "../job-form";

export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("jobs.write");
  const sp = await searchParams;
  // The client a "New job at this client" link names, and the signed-in recruiter (the default owner), are listed wherever they fall.
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: clientIdFromQuery(sp) }), listOwnerOptions(scope, { include: scope.userId })]);
  const from = clientFromQuery(sp, clients);
  return (
    <div className="flex flex-col">
      <NewRecordHeader noun="job" description="A job order: an opening at a client." list={{ href: "/jobs", label: "Jobs" }} from={from} />
      <JobForm
        action={createJobAction}
        initial={{ clientId: from?.id ?? "", status: "open", ownerUserId: owners.items.some((o) => o.id === scope.userId) ? scope.userId : "" }}
        clients={clientChoices(clients)}
        owners={owners}
        cancelHref={from ? `/clients/${from.id}` : "/jobs"}
      />
    </div>
  );
}
