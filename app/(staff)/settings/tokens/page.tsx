import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { listApiTokens } from "@/db/queries/api-tokens";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { Table, TableCaption, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { API_RATE_LIMIT } from "@/lib/auth/api-tokens";
import { requireScope } from "@/lib/auth/scope";
import { appOrigin } from "@/lib/platform/url";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default async function ApiTokensPage() {
  const scope = await requireScope("tokens.manage");
  const tokens = await listApiTokens(scope);
  const origin = appOrigin();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="API tokens"
        description={`Tokens let BI tools read the pipeline reports through the API (${origin}/api/v1/pipeline). A token reads reports and nothing else, at most ${API_RATE_LIMIT} requests a minute.`}
        actions={
          <Link href="/settings/tokens/reference" className="text-sm font-medium text-accent-text underline">
            API reference
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Create a token</CardTitle>
          <CardDescription>The token is shown once, right after you create it. Afterview keeps only a fingerprint of it.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm origin={origin} />
        </CardContent>
      </Card>
      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-base font-semibold">
          Tokens ({tokens.length})
        </h2>
        {tokens.length === 0 ? (
          <EmptyState
            icon={<KeyRound />}
            title="No tokens yet"
            description="Create one above for each tool that reads your reports, so you can revoke one without breaking the others."
          />
        ) : (
          <Table>
            <TableCaption className="sr-only">The firm&apos;s API tokens</TableCaption>
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {tokens.map((t) => (
                <Tr key={t.id}>
                  <Td className="font-medium">{t.name}</Td>
                  <Td className="font-mono text-xs">{t.prefix}…</Td>
                  <Td className="whitespace-nowrap">
                    {dateTime.format(t.createdAt)}
                    {t.createdByName ? <span className="block text-xs text-muted-foreground">by {t.createdByName}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">{t.lastUsedAt ? dateTime.format(t.lastUsedAt) : "Never"}</Td>
                  <Td>
                    {t.revokedAt ? (
                      <StatusPill state="not_allowed">Revoked {dateTime.format(t.revokedAt)}</StatusPill>
                    ) : (
                      <StatusPill state="done">Active</StatusPill>
                    )}
                  </Td>
                  <Td align="right">{t.revokedAt ? null : <RevokeTokenButton tokenId={t.id} name={t.name} />}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
