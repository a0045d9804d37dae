import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Table, TableCaption, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { requireScope } from "@/lib/auth/scope";
import { openApiDocument } from "@/lib/reports/openapi";
import { appOrigin } from "@/lib/platform/url";

export const metadata: Metadata = { title: "API reference" };

type Param = { name: string; description: string; schema: Record<string, unknown> };

/** A JSON Schema fragment in a few words: its type, the values it takes, its default. */
function typeInWords(s: Record<string, unknown>): string {
  const parts: string[] = [];
  if (Array.isArray(s.enum)) parts.push((s.enum as string[]).map((v) => `"${v}"`).join(" | "));
  else if (typeof s.format === "string") parts.push(`${String(s.type)} (${s.format})`);
  else parts.push(String(s.type ?? "string"));
  if (typeof s.minimum === "number" || typeof s.maximum === "number") parts.push(`${s.minimum ?? "…"} to ${s.maximum ?? "…"}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(", ");
}

/** Text with `code` spans, as the document writes it. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="font-mono text-[0.8em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

type BodySchema = { properties: { data: { properties: Record<string, Record<string, unknown>>; required?: string[] } } };

/** The BI API's reference for admins, rendered from the same document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requireScope("tokens.manage");
  const origin = appOrigin();
  const doc = openApiDocument(origin);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as { summary: string; description?: string; parameters?: Param[]; responses: Record<string, { description: string }> } })),
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="API reference"
        description={
          <>
            {doc.info.description} The machine-readable description is at{" "}
            <a href="/api/v1/openapi.json" className="text-accent-text underline">
              {origin}/api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1). <Link href="/settings/tokens" className="text-accent-text underline">Back to API tokens</Link>.
          </>
        }
      />
      {operations.map(({ path, method, op }) => (
        <Card key={`${method} ${path}`}>
          <CardHeader>
            <CardTitle>
              <code className="font-mono text-sm">
                {method} {path}
              </code>
            </CardTitle>
            <CardDescription>
              {op.summary}. <Prose text={op.description ?? ""} />
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {op.parameters && op.parameters.length > 0 ? (
              <Table>
                <TableCaption className="sr-only">Query parameters of {method} {path}</TableCaption>
                <THead>
                  <Tr>
                    <Th scope="col">Parameter</Th>
                    <Th scope="col">Values</Th>
                    <Th scope="col">Meaning</Th>
                  </Tr>
                </THead>
                <TBody>
                  {op.parameters.map((p) => (
                    <Tr key={p.name}>
                      <Td>
                        <code className="font-mono text-xs">{p.name}</code>
                      </Td>
                      <Td className="text-xs">{typeInWords(p.schema)}</Td>
                      <Td className="text-[0.8125rem]">
                        <Prose text={p.description} />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : null}
            <dl className="grid gap-x-4 gap-y-1 text-[0.8125rem] sm:grid-cols-[4rem_minmax(0,1fr)]">
              {Object.entries(op.responses).map(([status, r]) => (
                <div key={status} className="contents">
                  <dt className="font-mono font-medium">{status}</dt>
                  <dd className="text-muted-foreground">
                    <Prose text={r.description} />
                  </dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      ))}
      <section aria-labelledby="webhooks-heading" className="flex flex-col gap-3">
        <h2 id="webhooks-heading" className="text-base font-semibold">
          Webhook events
        </h2>
        <p className="max-w-prose text-sm text-muted-foreground">
          What Afterview sends to the endpoints under <Link href="/settings/webhooks" className="text-accent-text underline">Settings → Webhooks</Link>:
          a POST with <code className="font-mono text-[0.8em]">{"{ type, timestamp, data }"}</code>, signed the Standard Webhooks way. The fields of{" "}
          <code className="font-mono text-[0.8em]">data</code> per event:
        </p>
        <Card>
          <CardContent className="pt-4">
            <Table>
              <TableCaption className="sr-only">The data of each webhook event</TableCaption>
              <THead>
                <Tr>
                  <Th scope="col">Event</Th>
                  <Th scope="col">When</Th>
                  <Th scope="col">Fields of data</Th>
                </Tr>
              </THead>
              <TBody>
                {Object.entries(doc.webhooks).map(([type, hook]) => {
                  const data = (hook.post.requestBody.content["application/json"].schema as unknown as BodySchema).properties.data;
                  return (
                    <Tr key={type}>
                      <Td>
                        <code className="font-mono text-xs">{type}</code>
                      </Td>
                      <Td className="text-[0.8125rem]">{hook.post.summary}</Td>
                      <Td className="text-xs">
                        {Object.keys(data.properties)
                          .map((k) => (data.required?.includes(k) ? k : `${k}?`))
                          .join(", ")}
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      </section>
    </div>
  );
}
