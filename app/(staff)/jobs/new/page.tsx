import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { listClientOptions } from "@/db/queries/clients";
import { listOwnerOptions } from "@/db/queries/jobs";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import type { SearchParams } from "@/lib/core/validation/records";
import { createJobAction } from "../actions";
import { JobForm } from "../job-form";

export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("jobs.write");
  const sp = await searchParams;
  const preset = z.uuid().safeParse(sp.client).success ? (sp.client as string) : "";
  const [clients, owners] = await Promise.all([listClientOptions(scope), listOwnerOptions(scope)]);
  const from = clients.find((c) => c.id === preset);
  return (
    <div className="flex flex-col">
      <PageHeader
        title={from ? `New job at ${from.name}` : "New job"}
        description="A job order: an opening at a client."
        eyebrow={from ? <Link href={`/clients/${from.id}`}>{from.name}</Link> : <Link href="/jobs">Jobs</Link>}
      />
      <JobForm
        action={createJobAction}
        initial={{ clientId: from?.id ?? "", status: "open", ownerUserId: owners.some((o) => o.id === scope.userId) ? scope.userId : "" }}
        clients={clients.map((c) => ({ id: c.id, name: c.name, archived: !!c.archivedAt }))}
        owners={owners}
        cancelHref={from ? `/clients/${from.id}` : "/jobs"}
      />
    </div>
  );
}
