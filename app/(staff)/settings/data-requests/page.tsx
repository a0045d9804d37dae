import type { Metadata } from "next";
import { searchCandidatesForDataRequest } from "@/db/queries/data-rights";
import { searchTerm } from "@/db/queries/keyset";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { requireScope } from "@/lib/auth/scope";
import { EraseCandidateForm } from "./erase-form";

export const metadata: Metadata = { title: "Data requests" };

export default async function DataRequestsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const scope = await requireScope("candidates.erase");
  const raw = (await searchParams).q;
  const q = searchTerm(Array.isArray(raw) ? raw[0] : raw).slice(0, 100);
  const results = q ? await searchCandidatesForDataRequest(scope, q) : [];
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Data requests"
        description="When a candidate asks what you hold on them, download it; when they ask to be forgotten, erase them. Both are recorded in the audit log."
      />
      <form method="get" className="flex items-end gap-2">
        <FormField name="q" label="Find a candidate by name or email" className="flex-1">
          <Input type="search" defaultValue={q} />
        </FormField>
        <Button type="submit">Search</Button>
      </form>
      {q && results.length === 0 ? <EmptyState title="No candidate matches" description={`Nothing found for "${q}".`} /> : null}
      {results.map((c) => (
        <Card key={c.id}>
          <CardHeader>
            <CardTitle>{c.name}</CardTitle>
            <CardDescription>{c.anonymizedAt ? "Personal data already erased." : c.email}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div>
              <Button asChild variant="outline">
                <a href={`/api/candidates/${c.id}/export`} download>
                  Download everything held (JSON)
                </a>
              </Button>
            </div>
            {c.anonymizedAt ? <StatusPill state="done">Erased</StatusPill> : <EraseCandidateForm candidateId={c.id} name={c.name} />}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
