import type { Metadata } from "next";
import Link from "next/link";
import { ListChecks } from "lucide-react";
import { listScorecardAttributes } from "@/db/queries/scorecard";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { requireScope } from "@/lib/auth/scope";
import { AttributeRowControls, NewAttributeForm } from "./scorecard-forms";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage() {
  const scope = await requireScope("settings.manage");
  const attributes = await listScorecardAttributes(scope, { includeArchived: true });
  const categories = [...new Set(attributes.map((a) => a.category))];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href="/settings" className="hover:underline">
            Settings
          </Link>
        }
        title="Scorecard"
        description="The attributes interviewers rate candidates on, grouped by category. Each is rated definitely not, no, mixed, yes or strong yes. Archiving keeps past ratings and stops offering the attribute on new feedback."
      />
      <Card>
        <CardHeader>
          <CardTitle>Add an attribute</CardTitle>
          <CardDescription>Use an existing category or type a new one.</CardDescription>
        </CardHeader>
        <CardContent>
          <NewAttributeForm categories={categories} />
        </CardContent>
      </Card>
      {attributes.length === 0 ? (
        <EmptyState icon={<ListChecks />} title="No attributes yet" description="Add the first attribute above; feedback forms show the scorecard as soon as it has one." />
      ) : (
        categories.map((category) => {
          const rows = attributes.filter((a) => a.category === category);
          return (
            <section key={category} aria-labelledby={`cat-${category}`} className="flex flex-col gap-2">
              <h2 id={`cat-${category}`} className="text-base font-semibold">
                {category} <span className="text-sm font-normal text-muted-foreground">({rows.filter((r) => !r.archivedAt).length} active)</span>
              </h2>
              <ul className="divide-y divide-border rounded-lg border border-border bg-card">
                {rows.map((a, i) => (
                  <li key={a.id} className="flex flex-col gap-2 px-4 py-2.5 md:flex-row md:items-center md:gap-4">
                    <div className="min-w-0 flex-1">
                      <p className="flex items-center gap-2 font-medium">
                        {a.name}
                        {a.archivedAt ? <StatusPill state="not_allowed">Archived</StatusPill> : null}
                      </p>
                      {a.description ? <p className="text-[0.8125rem] text-muted-foreground">{a.description}</p> : null}
                    </div>
                    <AttributeRowControls
                      attribute={{ id: a.id, category: a.category, name: a.name, description: a.description, version: a.version, archived: !!a.archivedAt }}
                      first={i === 0}
                      last={i === rows.length - 1}
                      categories={categories}
                    />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
