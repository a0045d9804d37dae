import type { Metadata } from "next";
import { getClient } from "@/db/queries/clients";
import { EditRecordHeader } from "../../../_components/records/detail-header";
import { loadRecord, type RecordPageProps } from "../../../_components/records/load-record";
import { updateClientAction } from "../../actions";
import { ClientForm } from "../../client-form";
import { clientValues } from "../../fields";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: Pick<RecordPageProps, "params">) {
  const { record: client } = await loadRecord("clients.write", params, getClient);
  return (
    <div className="flex flex-col">
      <EditRecordHeader href={`/clients/${client.id}`} name={client.name} />
      <ClientForm
        action={updateClientAction}
        id={client.id}
        version={client.version}
        initial={clientValues(client)}
        cancelHref={`/clients/${client.id}`}
      />
    </div>
  );
}
