import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getClient } from "@/db/queries/clients";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { recordIdParam } from "../../../_components/params";
import { updateClientAction } from "../../actions";
import { ClientForm } from "../../client-form";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope("clients.write");
  const id = await recordIdParam(params);
  const client = await getClient(scope, id);
  if (!client) notFound();
  return (
    <div className="flex flex-col">
      <PageHeader title={`Edit ${client.name}`} eyebrow={<Link href={`/clients/${client.id}`}>{client.name}</Link>} />
      <ClientForm
        action={updateClientAction}
        id={client.id}
        version={client.version}
        initial={{ name: client.name, industry: client.industry, website: client.website, notes: client.notes }}
        cancelHref={`/clients/${client.id}`}
      />
    </div>
  );
}
