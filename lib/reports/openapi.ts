import { z } from "zod";
import { REPORT_DESCRIPTIONS, REPORTS } from "@/lib/core/reports/columns";
import { FILTER_KEYS } from "@/lib/core/reports/filters";
import { API_RATE_LIMIT, API_RATE_WINDOW_SECONDS } from "@/lib/auth/api-tokens";
import { WEBHOOK_EVENT_LABELS } from "@/lib/core/validation/webhooks";
import { WEBHOOK_EVENTS, webhookBodySchema } from "@/lib/webhooks/payloads";
import { apiErrorSchema, apiQuery, filterParamSchemas, pipelinePageSchema, reportRowSchema, API_PAGE_MAX } from "./api-schemas";

/**
 * The BI API's OpenAPI 3.1 document, generated from the zod schemas the
 * routes parse and answer with (./api-schemas.ts) and the report columns.
 * Served at GET /api/v1/openapi.json; the admins' reference page renders it.
 */

const schema = (s: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const FILTER_DOCS: Record<(typeof FILTER_KEYS)[number], string> = {
  dates: "Which date `from` and `to` apply to: the application's creation (`application`) or the interview's start (`interview`).",
  from: "First day included (YYYY-MM-DD, in the firm's time zone).",
  to: "Last day included (YYYY-MM-DD, in the firm's time zone).",
  client: "Only this client's jobs (a client id of your firm).",
  job: "Only this job (a job id of your firm).",
  recruiter: "Only applications this person is the recruiter of (a user id of your firm).",
  stage: "Only applications now in this stage.",
};

const query = (name: string, s: z.ZodType, description: string) => ({ name, in: "query", required: false, description, schema: schema(s, "input") });

function rateHeaders() {
  const n = { schema: { type: "integer" } };
  return {
    "RateLimit-Limit": { ...n, description: `Requests allowed per window (${API_RATE_LIMIT} a minute per token).` },
    "RateLimit-Remaining": { ...n, description: "Requests left in this window." },
    "RateLimit-Reset": { ...n, description: "Seconds until the window resets." },
  };
}

function errorResponses() {
  const error = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  return {
    "401": {
      description: "No token, or a token that is unknown or revoked.",
      headers: { "WWW-Authenticate": { schema: { type: "string" }, description: 'Bearer realm="afterview"' } },
      content: error,
    },
    "403": { description: "The token's creator no longer has access to the firm.", content: error },
    "422": { description: "A query parameter is not valid: `fieldErrors` has the messages per parameter.", headers: rateHeaders(), content: error },
    "429": {
      description: `More than ${API_RATE_LIMIT} requests in ${API_RATE_WINDOW_SECONDS} s with this token.`,
      headers: { ...rateHeaders(), "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
      content: error,
    },
    "503": { description: "The database is unreachable; try again shortly.", content: error },
  };
}

function reportParameters() {
  const filters = filterParamSchemas();
  return [
    query("report", apiQuery.report, `Which report: ${REPORTS.map((r) => `\`${r}\` (${REPORT_DESCRIPTIONS[r].replace(/\.$/, "")})`).join("; ")}.`),
    ...FILTER_KEYS.map((k) => query(k, filters[k], FILTER_DOCS[k])),
  ];
}

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Afterview pipeline API",
      version: "1",
      description:
        "Read-only access to a firm's pipeline reports for BI tools. Create a token under Settings → API tokens and send it as `Authorization: Bearer <token>`. A token reads its own firm's reports and nothing else.",
    },
    servers: [{ url: origin }],
    security: [{ bearerToken: [] }],
    paths: {
      "/api/v1/pipeline": {
        get: {
          operationId: "getPipelinePage",
          summary: "One page of a report as JSON",
          description: "Rows in the report's order. Pass `next_cursor` back as `cursor`, with the same report and filters, for the next page.",
          parameters: [
            ...reportParameters(),
            query("limit", apiQuery.limit, `Rows per page (1 to ${API_PAGE_MAX}).`),
            query("cursor", apiQuery.cursor, "`next_cursor` of the previous page."),
          ],
          responses: {
            "200": {
              description: "A page of rows.",
              headers: rateHeaders(),
              content: { "application/json": { schema: { $ref: "#/components/schemas/PipelinePage" } } },
            },
            ...errorResponses(),
          },
        },
      },
      "/api/v1/pipeline.csv": {
        get: {
          operationId: "getPipelineCsv",
          summary: "A whole report as one CSV file",
          description: "Streamed; the same file as the download on the reports page. One header row with the column keys.",
          parameters: [...reportParameters(), query("bom", apiQuery.bom, "`1` starts the file with a byte-order mark (for Excel).")],
          responses: {
            "200": { description: "The CSV file.", headers: rateHeaders(), content: { "text/csv": { schema: { type: "string" } } } },
            ...errorResponses(),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    // What Afterview POSTs to an admin's webhook endpoints (Settings → Webhooks), one per event.
    webhooks: Object.fromEntries(
      WEBHOOK_EVENTS.map((type) => [
        type,
        {
          post: {
            operationId: `webhook_${type.replace(".", "_")}`,
            summary: WEBHOOK_EVENT_LABELS[type],
            description:
              "Signed the Standard Webhooks way: `webhook-signature` is `v1,` and the base64 HMAC-SHA256, with the endpoint's secret (base64 after `whsec_`), of `<webhook-id>.<webhook-timestamp>.<body>`; during a rotation it carries one signature per secret. Answer 2xx within 10 s; anything else is retried with growing delays for about a day.",
            security: [],
            parameters: [
              { name: "webhook-id", in: "header", required: true, description: "The message's id: the same on every retry (drop a duplicate).", schema: { type: "string" } },
              { name: "webhook-timestamp", in: "header", required: true, description: "Seconds since the epoch when it was sent.", schema: { type: "integer" } },
              { name: "webhook-signature", in: "header", required: true, description: "Space-separated `v1,<base64>` signatures.", schema: { type: "string" } },
            ],
            requestBody: { required: true, content: { "application/json": { schema: schema(webhookBodySchema(type)) } } },
            responses: { "2XX": { description: "Received." } },
          },
        },
      ]),
    ),
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "An API token (afv_…) from Settings → API tokens." } },
      schemas: {
        PipelinePage: schema(pipelinePageSchema),
        ApplicationRow: schema(reportRowSchema("applications")),
        InterviewRow: schema(reportRowSchema("interviews")),
        Error: schema(apiErrorSchema),
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
