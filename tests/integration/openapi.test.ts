import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiGet } from "@/app/api/v1/openapi.json/route";
import { GET as pipelineGet } from "@/app/api/v1/pipeline/route";
import { createApiTokenAction } from "@/app/(staff)/settings/tokens/actions";
import { REPORTS } from "@/lib/core/reports/columns";
import { apiErrorSchema, pipelinePageSchema, reportRowSchema } from "@/lib/reports/api-schemas";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/payloads";
import { discoverRoutes } from "../authz/matrix";
import { submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, sessionFor } from "../helpers/fixtures";
import { seedReportData } from "./reports-data";

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>> };

/**
 * The API's own description: a valid OpenAPI 3.1 document, naming every live
 * route under /api/v1, and describing what the routes really answer.
 */
describe("GET /api/v1/openapi.json", () => {
  const database = useFreshDatabase();
  let doc: Doc;
  let token: string;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    const res = await openApiGet();
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    const a = await createTestFirm(database.current.db, "a");
    await seedReportData(database.current.db, a);
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const created = await submit(createApiTokenAction, formData({ name: "OpenAPI check" }));
    signedInAs(null);
    token = created.data!.secret as string;
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    // The validator does check: a document without its info is refused.
    const { info: _info, ...broken } = structuredClone(doc) as Doc & { info: unknown };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it("describes every route under /api/v1, with its methods", () => {
    const live = discoverRoutes()
      .filter((r) => r.file.startsWith("app/api/v1/"))
      .map((r) => `${r.method} ${r.file.replace(/^app/, "").replace(/\/route\.ts$/, "")}`);
    expect(live.length).toBeGreaterThanOrEqual(3);
    const described = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(live.sort());
  });

  it("describes the body of every webhook event", () => {
    const hooks = (doc as Doc & { webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } } }> }).webhooks;
    expect(Object.keys(hooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    for (const type of WEBHOOK_EVENTS) {
      const body = hooks[type]!.post.requestBody.content["application/json"]!.schema;
      expect(Object.keys(body.properties).sort()).toEqual(["data", "timestamp", "type"]);
    }
  });

  it("lists the filters, the page size and the cursor, and the errors with their rate-limit headers", () => {
    const op = doc.paths["/api/v1/pipeline"]!.get!;
    expect(op.parameters!.map((p) => p.name)).toEqual(["report", "dates", "from", "to", "client", "job", "recruiter", "stage", "limit", "cursor"]);
    expect(Object.keys(op.responses).sort()).toEqual(["200", "401", "403", "422", "429", "503"]);
    expect(JSON.stringify(op.responses["429"])).toContain("Retry-After");
  });

  it("matches what the pipeline endpoint answers, for both reports and for an error", async () => {
    for (const report of REPORTS) {
      const res = await pipelineGet(new Request(`http://localhost/api/v1/pipeline?report=${report}&limit=50`, { headers: { authorization: `Bearer ${token}` } }));
      expect(res.status).toBe(200);
      const body = pipelinePageSchema.parse(await res.json());
      expect(body.data.length).toBeGreaterThan(0);
      for (const row of body.data) reportRowSchema(report).strict().parse(row);
    }
    const bad = await pipelineGet(new Request("http://localhost/api/v1/pipeline?limit=5000", { headers: { authorization: `Bearer ${token}` } }));
    expect(bad.status).toBe(422);
    expect(apiErrorSchema.parse(await bad.json()).fieldErrors?.limit?.[0]).toMatch(/At most 1000/);
  });
});
