import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listClientOptions } from "@/db/queries/clients";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import type { SearchParams } from "@/lib/core/validation/records";
import { createContactAction } from "../actions";
import { ContactForm } from "../contact-form";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("contacts.write");
  const sp = await searchParams;
  const preset = z.uuid().safeParse(sp.client).success ? (sp.client as string) : "";
  const clients = await listClientOptions(scope);
  const from = clients.find((c) => c.id === preset);
  return (
    <div className="flex flex-col">
      <PageHeader
        title={from ? `New contact at ${from.name}` : "New contact"}
        description="A person at a client: a hiring manager or an interviewer."
        eyebrow={from ? <Link href={`/clients/${from.id}`}>{from.name}</Link> : <Link href="/contacts">Contacts</Link>}
      />
      <ContactForm
        action={createContactAction}
        initial={{ clientId: from ? from.id : "" }}
        clients={clients.map((c) => ({ id: c.id, name: c.name, archived: !!c.archivedAt }))}
        cancelHref={from ? `/clients/${from.id}` : "/contacts"}
      />
    </div>
  );
}
