import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { getJob, listOwnerOptions } from "@/db/queries/jobs";
import { EditRecordHeader } from "../../../_components/records/detail-header";
import { clientChoices, loadRecord, ownersWith, type RecordPageProps } from "../../../_components/records/load-record";
import { updateJobAction } from "../../actions";
import { JobForm } from "../../job-form";
import { jobValues } from "../../fields";

export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: Pick<RecordPageProps, "params">) {
  const { scope, id, record: job } = await loadRecord("jobs.write", params, getJob);
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: job.clientId }), listOwnerOptions(scope, { include: job.ownerUserId })]);
  return (
    <div className="flex flex-col">
      <EditRecordHeader href={`/jobs/${id}`} name={job.title} />
      <JobForm
        action={updateJobAction}
        id={id}
        version={job.version}
        initial={jobValues(job)}
        clients={clientChoices(clients)}
        owners={ownersWith(owners, job)}
        cancelHref={`/jobs/${id}`}
      />
    </div>
  );
}
