import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as pipelineGet } from "@/app/api/v1/pipeline/route";
import { GET as pipelineCsvGet } from "@/app/api/v1/pipeline.csv/route";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(staff)/settings/tokens/actions";
import { listApiTokens } from "@/db/queries/api-tokens";
import * as s from "@/db/schema";
import { API_RATE_LIMIT } from "@/lib/auth/api-tokens";
import { hashToken } from "@/lib/auth/tokens";
import { COLUMNS } from "@/lib/core/reports/columns";
import { submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { seedReportData, type ReportData } from "./reports-data";

const BASE = "http://localhost:3000";

function get(path: string, token?: string | null, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { headers: h });
}

type Page = { report: string; data: Record<string, unknown>[]; next_cursor: string | null; columns: { key: string; type: string }[] };

describe("the BI API", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  let data: ReportData;
  let tokenA: string;
  let tokenB: string;

  async function createToken(firm: TestFirm, name: string): Promise<string> {
    signedInAs(await sessionFor(database.current.db, firm, firm.admin));
    const state = await submit(createApiTokenAction, formData({ name }));
    expect(state.ok, JSON.stringify(state)).toBe(true);
    signedInAs(null);
    return state.data!.secret as string;
  }

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    const db = database.current.db;
    a = await createTestFirm(db, "a");
    b = await createTestFirm(db, "b");
    data = await seedReportData(db, a);
    tokenA = await createToken(a, "Firm A BI");
    tokenB = await createToken(b, "Firm B BI");
  });

  it("stores only the token's hash and a short prefix, shown once", async () => {
    const tokens = await listApiTokens(scopeOf(database.current.db, a, a.admin));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: "Firm A BI", prefix: tokenA.slice(0, 10), revokedAt: null, createdByName: "Ada Admin" });
    expect(tokenA).toMatch(/^afv_[A-Za-z0-9_-]{43}$/);
    const [row] = await database.current.db.select().from(s.apiTokens).where(eq(s.apiTokens.firmId, a.firmId));
    expect(row!.tokenHash).toBe(hashToken(tokenA));
    expect(JSON.stringify(row)).not.toContain(tokenA);
  });

  it("refuses a recruiter who tries to create a token", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.recruiter));
    const state = await submit(createApiTokenAction, formData({ name: "Sneaky" }));
    expect(state.ok).toBe(false);
    expect(await listApiTokens(scopeOf(database.current.db, a, a.admin))).toHaveLength(1);
    signedInAs(null);
  });

  it("asks for a name", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const state = await submit(createApiTokenAction, formData({ name: "  " }));
    expect(state.fieldErrors?.name?.[0]).toMatch(/Give the token a name/);
    signedInAs(null);
  });

  it("pages through every row with a keyset cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await pipelineGet(get(`/api/v1/pipeline?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, tokenA));
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe(String(API_RATE_LIMIT));
      const page = (await res.json()) as Page;
      expect(page.report).toBe("applications");
      expect(page.columns.map((c) => c.key)).toEqual(COLUMNS.applications.map((c) => c.key));
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((r) => r.application_id as string));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([a.applicationId, ...Object.values(data.apps)].sort());
  });

  it("filters like the reports page and gives raw values in JSON", async () => {
    const res = await pipelineGet(get(`/api/v1/pipeline?report=interviews&client=${data.client2Id}&dates=interview&from=2026-01-01&to=2026-01-31`, tokenA));
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.data.map((r) => r.interview_id)).toEqual([data.interviews.i2]);
    expect(page.data[0]).toMatchObject({ candidate: "+1", hours_to_client_feedback: 168, starts_at: "2026-01-20T14:00:00.000Z" });
    expect(page.next_cursor).toBeNull();
  });

  it("refuses a tampered cursor, or one issued for other filters, with 422", async () => {
    const first = (await (await pipelineGet(get("/api/v1/pipeline?limit=2", tokenA))).json()) as Page;
    const cursor = first.next_cursor!;
    const [body, mac] = cursor.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as { k: { id: string } };
    payload.k.id = "00000000-0000-7000-8000-000000000000";
    const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    for (const bad of [forged, `${cursor}x`, "not-a-cursor", `${body}.`]) {
      const res = await pipelineGet(get(`/api/v1/pipeline?limit=2&cursor=${encodeURIComponent(bad)}`, tokenA));
      expect(res.status).toBe(422);
      const json = (await res.json()) as { error: string; fieldErrors: Record<string, string[]> };
      expect(json.error).toBe("The cursor is not valid for this request.");
      expect(json.fieldErrors.cursor).toHaveLength(1);
    }
    const otherFilters = await pipelineGet(get(`/api/v1/pipeline?limit=2&stage=offer&cursor=${encodeURIComponent(cursor)}`, tokenA));
    expect(otherFilters.status).toBe(422);
    // Firm B cannot replay firm A's cursor either.
    const otherFirm = await pipelineGet(get(`/api/v1/pipeline?limit=2&cursor=${encodeURIComponent(cursor)}`, tokenB));
    expect(otherFirm.status).toBe(422);
  });

  it("answers 422 with a message per field for bad filters and unknown parameters", async () => {
    const res = await pipelineGet(get("/api/v1/pipeline?from=2026-03-01&to=2026-01-01&limit=5000&report=people&clinet=x", tokenA));
    expect(res.status).toBe(422);
    const json = (await res.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(Object.keys(json.fieldErrors).sort()).toEqual(["clinet", "report", "to"]);
    const limit = await pipelineGet(get("/api/v1/pipeline?limit=5000", tokenA));
    expect(limit.status).toBe(422);
    expect(((await limit.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.limit).toEqual(["At most 1000 rows a page."]);
  });

  describe("who may call it", () => {
    it("answers 401 without a token, with a challenge", async () => {
      const res = await pipelineGet(get("/api/v1/pipeline"));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="afterview"');
      expect(((await res.json()) as { error: string }).error).toMatch(/needs a token/);
    });

    it("answers 401 to a malformed or unknown token", async () => {
      for (const header of ["Basic abc", `Bearer ${tokenA.slice(0, -1)}x`, "Bearer afv_short", `Token ${tokenA}`]) {
        const res = await pipelineGet(get("/api/v1/pipeline", null, { authorization: header }));
        expect(res.status, header).toBe(401);
      }
    });

    it("answers 401 to a staff or candidate session without a token", async () => {
      signedInAs(await sessionFor(database.current.db, a, a.candidateUser));
      expect((await pipelineGet(get("/api/v1/pipeline"))).status).toBe(401);
      expect((await pipelineCsvGet(get("/api/v1/pipeline.csv"))).status).toBe(401);
      signedInAs(await sessionFor(database.current.db, a, a.admin));
      expect((await pipelineGet(get("/api/v1/pipeline"))).status).toBe(401);
      signedInAs(null);
    });

    it("gives another firm's token only that firm's rows, and refuses firm A's ids as unknown", async () => {
      const res = await pipelineGet(get("/api/v1/pipeline?report=interviews", tokenB));
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      expect(page.data.map((r) => r.interview_id)).toEqual([b.interviewId]);
      expect(JSON.stringify(page)).not.toContain(a.clientId);
      const aimed = await pipelineGet(get(`/api/v1/pipeline?client=${a.clientId}`, tokenB));
      expect(aimed.status).toBe(422);
      const csv = await pipelineCsvGet(get(`/api/v1/pipeline.csv?job=${a.jobId}`, tokenB));
      expect(csv.status).toBe(422);
    });

    it("answers 403 once the token's creator has left the firm", async () => {
      const token = await createToken(a, "Leaver's token");
      await database.current.db
        .update(s.memberships)
        .set({ status: "deactivated" })
        .where(and(eq(s.memberships.firmId, a.firmId), eq(s.memberships.userId, a.admin.userId)));
      try {
        const res = await pipelineGet(get("/api/v1/pipeline", token));
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: string }).error).toMatch(/no longer has access/);
      } finally {
        await database.current.db
          .update(s.memberships)
          .set({ status: "active" })
          .where(and(eq(s.memberships.firmId, a.firmId), eq(s.memberships.userId, a.admin.userId)));
      }
    });

    it("answers 401 to a revoked token", async () => {
      const token = await createToken(a, "Short-lived");
      expect((await pipelineGet(get("/api/v1/pipeline", token))).status).toBe(200);
      const [row] = await database.current.db.select().from(s.apiTokens).where(eq(s.apiTokens.tokenHash, hashToken(token)));
      signedInAs(await sessionFor(database.current.db, a, a.admin));
      const state = await submit(revokeApiTokenAction, formData({ tokenId: row!.id }));
      expect(state.ok).toBe(true);
      signedInAs(null);
      const res = await pipelineGet(get("/api/v1/pipeline", token));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(((await res.json()) as { error: string }).error).toMatch(/revoked/);
    });

    it("does not let firm B's admin revoke firm A's token", async () => {
      const [row] = await database.current.db.select().from(s.apiTokens).where(eq(s.apiTokens.tokenHash, hashToken(tokenA)));
      signedInAs(await sessionFor(database.current.db, b, b.admin));
      const state = await submit(revokeApiTokenAction, formData({ tokenId: row!.id }));
      expect(state.ok).toBe(false);
      signedInAs(null);
      expect((await pipelineGet(get("/api/v1/pipeline", tokenA))).status).toBe(200);
    });
  });

  it("answers 429 with Retry-After past the token's rate limit", async () => {
    const token = await createToken(a, "Busy tool");
    const [row] = await database.current.db.select().from(s.apiTokens).where(eq(s.apiTokens.tokenHash, hashToken(token)));
    // The window already holds the limit's worth of requests.
    await database.current.db.insert(s.throttles).values({ key: `api-token:${row!.id}`, count: API_RATE_LIMIT, windowStartsAt: new Date() });
    const res = await pipelineGet(get("/api/v1/pipeline", token));
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
    expect(((await res.json()) as { error: string }).error).toMatch(/Too many requests/);
    // Other tokens are not affected.
    expect((await pipelineGet(get("/api/v1/pipeline", tokenA))).status).toBe(200);
  });

  it("records when a token was last used", async () => {
    const token = await createToken(a, "Fresh");
    const [before] = await database.current.db.select().from(s.apiTokens).where(eq(s.apiTokens.tokenHash, hashToken(token)));
    expect(before!.lastUsedAt).toBeNull();
    await pipelineGet(get("/api/v1/pipeline", token));
    const [after] = await database.current.db.select().from(s.apiTokens).where(eq(s.apiTokens.tokenHash, hashToken(token)));
    expect(after!.lastUsedAt).toBeInstanceOf(Date);
    expect(Math.abs(after!.lastUsedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("streams the same rows as CSV, audited as an API export", async () => {
    const res = await pipelineCsvGet(get(`/api/v1/pipeline.csv?report=applications&client=${data.client2Id}&bom=1`, tokenA));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''a-[0-9a-f]{8}-applications-/);
    const runId = res.headers.get("x-export-run")!;
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual(COLUMNS.applications.map((c) => c.key));
    expect(rows.map((r) => r[0])).toEqual([data.apps.a2, data.apps.a3, data.apps.a6].sort());
    expect(rows.map((r) => r[1])).toContain("'+1");
    const until = Date.now() + 5000;
    let event: typeof s.auditEvents.$inferSelect | undefined;
    while (!event && Date.now() < until) {
      [event] = await database.current.db.select().from(s.auditEvents).where(eq(s.auditEvents.entityId, runId));
      if (!event) await new Promise((r) => setTimeout(r, 25));
    }
    expect(event).toMatchObject({ action: "report.export", actorUserId: a.admin.userId });
    expect(event!.changes).toMatchObject({ via: "api", rows: 3, status: "done", filters: { client: data.client2Id } });
  });
});
