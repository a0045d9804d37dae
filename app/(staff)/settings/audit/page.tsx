import type { Metadata } from "next";
import { z } from "zod";
import { listAuditEvents } from "@/db/queries/audit";
import { listTeam } from "@/db/queries/auth";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Select } from "@/app/_components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { requireScope } from "@/lib/auth/scope";
import { auditFilterSchema } from "@/lib/core/validation/settings";

export const metadata: Metadata = { title: "Audit log" };

const fmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

function one(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

function describeChanges(changes: Record<string, unknown> | null): string {
  if (!changes) return "";
  const text = JSON.stringify(changes);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope("audit.read");
  const params = await searchParams;
  const raw = {
    actor: one(params.actor),
    entityType: one(params.entityType),
    entityId: one(params.entityId),
    action: one(params.action),
    from: one(params.from),
    to: one(params.to),
  };
  const parsed = auditFilterSchema.safeParse(raw);
  const errors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const f = parsed.success ? parsed.data : null;
  const [team, events] = await Promise.all([
    listTeam(scope),
    f
      ? listAuditEvents(scope, {
          actorUserId: f.actor,
          entityType: f.entityType,
          entityId: f.entityId,
          action: f.action,
          from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
          to: f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
          limit: 200,
        })
      : Promise.resolve([]),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Audit log" description="Every change to the firm's records, sign-ins and exports. Entries cannot be edited or deleted." />
      <form method="get" className="grid gap-3 rounded-lg border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <FormField name="actor" label="Person" error={errors.actor}>
          <Select defaultValue={raw.actor}>
            <option value="">Anyone</option>
            {team.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField name="action" label="Action" hint="e.g. signin.failure" error={errors.action}>
          <Input defaultValue={raw.action} />
        </FormField>
        <FormField name="entityType" label="Record type" hint="e.g. candidate" error={errors.entityType}>
          <Input defaultValue={raw.entityType} />
        </FormField>
        <FormField name="entityId" label="Record id" error={errors.entityId}>
          <Input defaultValue={raw.entityId} />
        </FormField>
        <FormField name="from" label="From" error={errors.from}>
          <Input type="date" defaultValue={raw.from} />
        </FormField>
        <FormField name="to" label="To" error={errors.to}>
          <Input type="date" defaultValue={raw.to} />
        </FormField>
        <div className="flex gap-2 lg:col-span-6">
          <Button type="submit">Filter</Button>
          <Button asChild variant="ghost">
            <a href="/settings/audit">Clear</a>
          </Button>
        </div>
      </form>
      {events.length === 0 ? (
        <EmptyState title="No entries" description={f ? "Nothing matches these filters." : "Fix the filters above to see entries."} />
      ) : (
        <Table aria-label="Audit entries">
          <THead>
            <Tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>Action</Th>
              <Th>Record</Th>
              <Th>Change</Th>
            </Tr>
          </THead>
          <TBody>
            {events.map((e) => (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap">{fmt.format(e.createdAt)}</Td>
                <Td>{e.actorName ?? "System"}</Td>
                <Td className="font-mono text-xs">{e.action}</Td>
                <Td className="text-xs">
                  {e.entityType}
                  {e.entityId ? <span className="block font-mono text-muted-foreground">{e.entityId}</span> : null}
                </Td>
                <Td className="max-w-md font-mono text-xs break-all text-muted-foreground">{describeChanges(e.changes)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
