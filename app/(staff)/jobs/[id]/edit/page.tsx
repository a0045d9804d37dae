import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listClientOptions } from "@/db/queries/clients";
import { getJob, listOwnerOptions } from "@/db/queries/jobs";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { recordIdParam } from "../../../_components/params";
import { updateJobAction } from "../../actions";
import { JobForm } from "../../job-form";

export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope("jobs.write");
  const id = await recordIdParam(params);
  const job = await getJob(scope, id);
  if (!job) notFound();
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: job.clientId }), listOwnerOptions(scope)]);
  // A former owner who left the team still shows as the current value.
  const ownerList = job.ownerUserId && !owners.some((o) => o.id === job.ownerUserId) ? [...owners, { id: job.ownerUserId, name: job.ownerName ?? "Former member" }] : owners;
  return (
    <div className="flex flex-col">
      <PageHeader title={`Edit ${job.title}`} eyebrow={<Link href={`/jobs/${id}`}>{job.title}</Link>} />
      <JobForm
        action={updateJobAction}
        id={id}
        version={job.version}
        initial={{
          clientId: job.clientId,
          title: job.title,
          location: job.location,
          description: job.description,
          status: job.status,
          ownerUserId: job.ownerUserId ?? "",
        }}
        clients={clients.map((c) => ({ id: c.id, name: c.name, archived: !!c.archivedAt }))}
        owners={ownerList}
        cancelHref={`/jobs/${id}`}
      />
    </div>
  );
}
