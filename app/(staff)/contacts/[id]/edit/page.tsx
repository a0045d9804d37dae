import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listClientOptions } from "@/db/queries/clients";
import { getContact } from "@/db/queries/contacts";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { recordIdParam } from "../../../_components/params";
import { updateContactAction } from "../../actions";
import { ContactForm } from "../../contact-form";

export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope("contacts.write");
  const id = await recordIdParam(params);
  const contact = await getContact(scope, id);
  if (!contact) notFound();
  const clients = await listClientOptions(scope, { include: contact.clientId });
  return (
    <div className="flex flex-col">
      <PageHeader title={`Edit ${contact.name}`} eyebrow={<Link href={`/contacts/${id}`}>{contact.name}</Link>} />
      <ContactForm
        action={updateContactAction}
        id={id}
        version={contact.version}
        initial={{ clientId: contact.clientId, name: contact.name, title: contact.title, email: contact.email ?? "", phone: contact.phone }}
        clients={clients.map((c) => ({ id: c.id, name: c.name, archived: !!c.archivedAt }))}
        cancelHref={`/contacts/${id}`}
      />
    </div>
  );
}
