import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { createClientAction } from "../actions";
import { ClientForm } from "../client-form";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requireScope("clients.write");
  return (
    <div className="flex flex-col">
      <PageHeader
        title="New client"
        description="An employer your firm places candidates with."
        eyebrow={<Link href="/clients">Clients</Link>}
      />
      <ClientForm action={createClientAction} initial={{}} cancelHref="/clients" />
    </div>
  );
}
