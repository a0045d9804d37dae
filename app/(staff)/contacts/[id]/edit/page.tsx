import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { getContact } from "@/db/queries/contacts";
import { EditRecordHeader } from "../../../_components/records/detail-header";
import { clientChoices, loadRecord, type RecordPageProps } from "../../../_components/records/load-record";
import { updateContactAction } from "../../actions";
import { ContactForm } from "../../contact-form";
import { contactValues } from "../../fields";

export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: Pick<RecordPageProps, "params">) {
  const { scope, id, record: contact } = await loadRecord("contacts.write", params, getContact);
  const clients = await listClientOptions(scope, { include: contact.clientId });
  return (
    <div className="flex flex-col">
      <EditRecordHeader href={`/contacts/${id}`} name={contact.name} />
      <ContactForm
        action={updateContactAction}
        id={id}
        version={contact.version}
        initial={contactValues(contact)}
        clients={clientChoices(clients)}
        cancelHref={`/contacts/${id}`}
      />
    </div>
  );
}
