import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { requireScope } from "@/lib/auth/scope";
import type { SearchParams } from "@/lib/core/validation/records";
import { NewRecordHeader } from "../../_components/records/detail-header";
import { clientChoices, clientFromQuery, clientIdFromQuery } from "../../_components/records/load-record";
import { createContactAction } from "../actions";
import { ContactForm } from "../contact-form";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("contacts.write");
  const sp = await searchParams;
  const clients = await listClientOptions(scope, { include: clientIdFromQuery(sp) });
  const from = clientFromQuery(sp, clients);
  return (
    <div className="flex flex-col">
      <NewRecordHeader
        noun="contact"
        description="A person at a client: a hiring manager or an interviewer."
        list={{ href: "/contacts", label: "Contacts" }}
        from={from}
      />
      <ContactForm
        action={createContactAction}
        initial={{ clientId: from ? from.id : "" }}
        clients={clientChoices(clients)}
        cancelHref={from ? `/clients/${from.id}` : "/contacts"}
      />
    </div>
  );
}
