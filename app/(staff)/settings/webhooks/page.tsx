import type { Metadata } from "next";
import { Webhook } from "lucide-react";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { Table, TableCaption, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { requireScope } from "@/lib/auth/scope";
import { CreateEndpointForm, EndpointActions, RedeliverButton } from "./webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

const DELIVERY_STATE: Record<string, { pill: "done" | "due" | "overdue"; label: string }> = {
  delivered: { pill: "done", label: "Delivered" },
  pending: { pill: "due", label: "Retrying" },
  failed: { pill: "overdue", label: "Failed" },
};

export default async function WebhooksPage() {
  const scope = await requireScope("webhooks.manage");
  const endpoints = await listWebhookEndpoints(scope);
  const logs = await Promise.all(endpoints.map((e) => listWebhookDeliveries(scope, e.id, { limit: 25 })));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Webhooks"
        description="Afterview POSTs a signed JSON message (Standard Webhooks) to each endpoint when one of its events happens, and retries for a day when it fails. An endpoint that fails for a day is disabled and the firm's admins are emailed."
      />
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>Its signing secret is shown once, right after you add it. Messages carry ids and what changed, not the debrief&apos;s text unless you ask for it.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateEndpointForm />
        </CardContent>
      </Card>
      <section aria-labelledby="endpoints-heading" className="flex flex-col gap-4">
        <h2 id="endpoints-heading" className="text-base font-semibold">
          Endpoints ({endpoints.length})
        </h2>
        {endpoints.length === 0 ? (
          <EmptyState icon={<Webhook />} title="No endpoints yet" description="Add one above for each system that should hear about changes." />
        ) : (
          endpoints.map((e, i) => {
            const log = logs[i] ?? [];
            return (
              <Card key={e.id}>
                <CardHeader>
                  <CardTitle className="font-mono text-sm break-all">{e.url}</CardTitle>
                  <CardDescription className="flex flex-col gap-1">
                    {e.description ? <span>{e.description}</span> : null}
                    <span>
                      Events: <span className="font-mono text-xs">{e.events.join(", ")}</span>
                    </span>
                    <span>{e.includeDebriefText ? "Includes the debrief's text." : "Ids and changed fields only."}</span>
                  </CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-4">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    {e.enabled ? <StatusPill state="done">Enabled</StatusPill> : <StatusPill state="not_allowed">Disabled</StatusPill>}
                    {!e.enabled && e.disabledReason ? <span className="text-muted-foreground">{e.disabledReason}</span> : null}
                    {e.enabled && e.failingSince ? (
                      <StatusPill state="overdue">Failing since {dateTime.format(e.failingSince)}</StatusPill>
                    ) : null}
                    {e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date() ? (
                      <span className="text-muted-foreground">The previous secret also signs until {dateTime.format(e.previousSecretExpiresAt)}.</span>
                    ) : null}
                  </div>
                  <EndpointActions endpointId={e.id} url={e.url} enabled={e.enabled} />
                  {log.length === 0 ? (
                    <p className="text-sm text-muted-foreground">No deliveries yet.</p>
                  ) : (
                    <Table>
                      <TableCaption>Deliveries to {e.url}, newest first</TableCaption>
                      <THead>
                        <Tr>
                          <Th>Event</Th>
                          <Th>Created</Th>
                          <Th>Attempts</Th>
                          <Th>Last answer</Th>
                          <Th>State</Th>
                          <Th>
                            <span className="sr-only">Actions</span>
                          </Th>
                        </Tr>
                      </THead>
                      <TBody>
                        {log.map((d) => {
                          const st = DELIVERY_STATE[d.state] ?? { pill: "due" as const, label: d.state };
                          return (
                            <Tr key={d.id}>
                              <Td className="font-mono text-xs">{d.eventType}</Td>
                              <Td className="whitespace-nowrap">{dateTime.format(d.createdAt)}</Td>
                              <Td>{d.attempts}</Td>
                              <Td className="text-xs">
                                {d.lastStatus ? `HTTP ${d.lastStatus}` : null}
                                {d.lastError && d.lastError !== `HTTP ${d.lastStatus}` ? <span className="block text-muted-foreground">{d.lastError}</span> : null}
                                {d.lastAttemptAt ? <span className="block text-muted-foreground">{dateTime.format(d.lastAttemptAt)}</span> : null}
                              </Td>
                              <Td>
                                <StatusPill state={st.pill}>{st.label}</StatusPill>
                              </Td>
                              <Td align="right">
                                <RedeliverButton deliveryId={d.id} label={`Redeliver the ${d.eventType} message of ${dateTime.format(d.createdAt)}`} />
                              </Td>
                            </Tr>
                          );
                        })}
                      </TBody>
                    </Table>
                  )}
                </CardContent>
              </Card>
            );
          })
        )}
      </section>
    </div>
  );
}
