import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOutbox } from "@/db/queries/outbox";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { isProduction } from "@/lib/platform/env";

export const metadata: Metadata = { title: "Outbox" };

const fmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Without SMTP_URL, mail stays here so local flows (invitations, resets) work with no mail server. */
export default async function OutboxPage() {
  if (isProduction()) notFound();
  const scope = await requireScope("outbox.read");
  const messages = await listOutbox(scope);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Outbox"
        description="Mail this firm's Afterview sent or would have sent. Shown only outside production; set SMTP_URL to deliver mail."
      />
      {messages.length === 0 ? (
        <EmptyState title="No mail yet" description="Invitations, password resets and reminders appear here." />
      ) : (
        <ol className="flex flex-col gap-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-border bg-card p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-sm font-semibold">{m.subject}</h2>
                <span className="text-xs text-muted-foreground">
                  to {m.to} · {fmt.format(m.createdAt)} · {m.status}
                </span>
              </div>
              <pre className="mt-2 text-sm leading-6 break-words whitespace-pre-wrap">{m.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
