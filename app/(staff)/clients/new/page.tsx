import type { Metadata } from "next";
import { requireScope } from "@/lib/auth/scope";
import { NewRecordHeader } from "../../_components/records/detail-header";
import { createClientAction } from "../actions";
import { ClientForm } from "../client-form";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requireScope("clients.write");
  return (
    <div className="flex flex-col">
      <NewRecordHeader noun="client" description="An employer your firm places candidates with." list={{ href: "/clients", label: "Clients" }} />
      <ClientForm action={createClientAction} initial={{}} cancelHref="/clients" />
    </div>
  );
}
