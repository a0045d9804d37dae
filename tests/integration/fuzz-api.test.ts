import fc from "fast-check";
import { NextRequest } from "next/server";
import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as cancelRun } from "@/app/api/exports/runs/[id]/cancel/route";
import { GET as exportRun } from "@/app/api/exports/runs/[id]/route";
import { GET as exportFile } from "@/app/api/exports/[file]/route";
import { GET as candidateExport } from "@/app/api/candidates/[id]/export/route";
import { GET as health } from "@/app/api/health/route";
import { GET as interviewIcs } from "@/app/api/interviews/[id]/ics/route";
import { GET as menus } from "@/app/api/menus/[kind]/route";
import { POST as testSupportFirm } from "@/app/api/test-support/firm/route";
import { GET as pipeline } from "@/app/api/v1/pipeline/route";
import { GET as pipelineCsv } from "@/app/api/v1/pipeline.csv/route";
import { GET as planIcs } from "@/app/(candidate)/my/plan/ics/route";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(staff)/settings/tokens/actions";
import * as s from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import type { SessionClaims } from "@/lib/auth/config";
import { discoverRoutes, type Caller } from "../authz/matrix";
import { submit } from "../helpers/actions";
import { sleep, within } from "../helpers/bounded";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { installChangeCounter } from "../helpers/fingerprint";
import { createTestFirm, formData, sessionFor, type TestFirm } from "../helpers/fixtures";
import { nastyString } from "../helpers/fuzz";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const routeModules = import.meta.glob<Record<string, unknown>>("../../app/**/route.ts");
const BASE = "http://localhost:3000";
const CALLERS: Caller[] = ["anonymous", "candidate", "recruiter", "admin", "otherFirmAdmin"];
const STACK = /\n\s+at .+:\d+:\d+|node_modules|ECONN|syntax error at|violates .* constraint/;

/** One generated request: who asks, the path's parameter, the query, extra headers and a body. */
interface Input {
  caller: Caller;
  param: string;
  query: [string, string][];
  headers: [string, string][];
  body: string | null;
  contentType: string;
}

interface Endpoint {
  /** "METHOD file", as the authorization matrix names it. */
  id: string;
  method: string;
  path: (param: string) => string;
  params: (param: string) => Record<string, string | string[]>;
  call: (request: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
  param: fc.Arbitrary<string>;
  queryKeys: string[];
  /** A successful answer may write (an export run and its audit row); a refused one never does. */
  writesOnSuccess?: boolean;
  callers?: fc.Arbitrary<Caller>;
  authorization?: fc.Arbitrary<string | null>;
}

/** A header value as a server receives it: the UTF-8 bytes, read one character a byte, at most 8 kB. */
function headerSafe(v: string): string {
  const bytes = Buffer.from(v, "utf8").toString("latin1").slice(0, 8_000);
  return bytes.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, " ").trim();
}

// Auth.js's real handlers: the shared test setup stubs lib/auth/config for actions, which need none of it here.
vi.mock("@/lib/auth/config", async (importOriginal) => importOriginal());

describe("API endpoints under generated input", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  let sessions: Record<Caller, SessionClaims | null>;
  let tokens: { a: string; b: string; revoked: string };
  let changes: () => Promise<number>;
  let endpoints: Endpoint[];

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    const db = database.current.db;
    a = await createTestFirm(db, "fa");
    b = await createTestFirm(db, "fb");
    sessions = {
      anonymous: null,
      candidate: await sessionFor(db, a, a.candidateUser),
      recruiter: await sessionFor(db, a, a.recruiter),
      admin: await sessionFor(db, a, a.admin),
      otherFirmAdmin: await sessionFor(db, b, b.admin),
    };
    const token = async (firm: TestFirm, name: string) => {
      signedInAs(await sessionFor(db, firm, firm.admin));
      const state = await submit(createApiTokenAction, formData({ name }));
      expect(state.ok, JSON.stringify(state)).toBe(true);
      return state.data!.secret as string;
    };
    tokens = { a: await token(a, "A"), b: await token(b, "B"), revoked: await token(a, "Revoked") };
    const [row] = await db.select({ id: s.apiTokens.id }).from(s.apiTokens).where(eq(s.apiTokens.tokenHash, hashToken(tokens.revoked)));
    signedInAs(sessions.admin);
    expect((await submit(revokeApiTokenAction, formData({ tokenId: row!.id }))).ok).toBe(true);
    signedInAs(null);
    changes = await installChangeCounter(db, { api_tokens: ["last_used_at"], auth_sessions: ["last_seen_at"] });

    const ids = [a.candidateId, a.interviewId, a.jobId, a.clientId, a.applicationId, b.candidateId, b.interviewId, b.clientId, b.jobId];
    const idOrJunk = fc.oneof(fc.constantFrom(...ids), fc.uuid(), nastyString);
    const reportKeys = ["report", "dates", "from", "to", "client", "job", "recruiter", "stage", "bom"];
    const bearer = fc.oneof(
      fc.constant(null),
      fc.constantFrom(`Bearer ${tokens.a}`, `Bearer ${tokens.b}`, `Bearer ${tokens.revoked}`, `bearer ${tokens.a}`, `Basic ${tokens.a}`),
      nastyString.map((v) => `Bearer ${v}`),
      nastyString,
    );
    const one = (path: string) => () => path;
    const none = () => ({});
    endpoints = [
      { id: "GET app/api/health/route.ts", method: "GET", path: one("/api/health"), params: none, call: () => health(), param: fc.constant(""), queryKeys: [] },
      {
        id: "GET app/api/v1/pipeline/route.ts",
        method: "GET",
        path: one("/api/v1/pipeline"),
        params: none,
        call: (r) => pipeline(r),
        param: fc.constant(""),
        queryKeys: [...reportKeys, "limit", "cursor"],
        authorization: bearer,
      },
      {
        id: "GET app/api/v1/pipeline.csv/route.ts",
        method: "GET",
        path: one("/api/v1/pipeline.csv"),
        params: none,
        call: (r) => pipelineCsv(r),
        param: fc.constant(""),
        queryKeys: reportKeys,
        authorization: bearer,
        writesOnSuccess: true,
      },
      {
        id: "GET app/api/exports/[file]/route.ts",
        method: "GET",
        path: (f) => `/api/exports/${encodeURIComponent(f)}`,
        params: (file) => ({ file }),
        call: (r, c) => exportFile(r, c as never),
        // Mostly names that are not a report: a valid one runs a whole export, the slow part.
        param: fc.oneof(
          { weight: 1, arbitrary: fc.constantFrom("applications.csv", "interviews.xlsx", "interviews.csv", "applications.xlsx") },
          { weight: 4, arbitrary: nastyString },
        ),
        queryKeys: reportKeys,
        writesOnSuccess: true,
      },
      {
        id: "GET app/api/exports/runs/[id]/route.ts",
        method: "GET",
        path: (id) => `/api/exports/runs/${encodeURIComponent(id)}`,
        params: (id) => ({ id }),
        call: (r, c) => exportRun(r, c as never),
        param: idOrJunk,
        queryKeys: [],
      },
      {
        id: "POST app/api/exports/runs/[id]/cancel/route.ts",
        method: "POST",
        path: (id) => `/api/exports/runs/${encodeURIComponent(id)}/cancel`,
        params: (id) => ({ id }),
        call: (r, c) => cancelRun(r, c as never),
        param: idOrJunk,
        queryKeys: [],
      },
      {
        id: "GET app/api/candidates/[id]/export/route.ts",
        method: "GET",
        path: (id) => `/api/candidates/${encodeURIComponent(id)}/export`,
        params: (id) => ({ id }),
        call: (r, c) => candidateExport(r, c as never),
        param: idOrJunk,
        queryKeys: [],
        writesOnSuccess: true,
      },
      {
        id: "GET app/api/interviews/[id]/ics/route.ts",
        method: "GET",
        path: (id) => `/api/interviews/${encodeURIComponent(id)}/ics`,
        params: (id) => ({ id }),
        call: (r, c) => interviewIcs(r, c as never),
        param: idOrJunk,
        queryKeys: [],
      },
      {
        id: "GET app/api/menus/[kind]/route.ts",
        method: "GET",
        path: (kind) => `/api/menus/${encodeURIComponent(kind)}`,
        params: (kind) => ({ kind }),
        call: (r, c) => menus(r, c as never),
        param: fc.oneof(fc.constantFrom("clients", "staff"), nastyString),
        queryKeys: ["q", "all"],
      },
      {
        id: "GET app/(candidate)/my/plan/ics/route.ts",
        method: "GET",
        path: one("/my/plan/ics"),
        params: none,
        call: (r) => planIcs(r),
        param: fc.constant(""),
        queryKeys: ["interview"],
      },
      {
        // Off unless AFTERVIEW_TEST_HOOKS=1 (never in production): every input is the same 404.
        id: "POST app/api/test-support/firm/route.ts",
        method: "POST",
        path: one("/api/test-support/firm"),
        params: none,
        call: (r) => testSupportFirm(r),
        param: fc.constant(""),
        queryKeys: [],
      },
      {
        id: "GET app/api/auth/[...nextauth]/route.ts",
        method: "GET",
        path: (p) => `/api/auth/${p}`,
        params: (p) => ({ nextauth: p.split("/") }),
        call: (r) => authGet(r),
        param: fc.oneof(
          fc.constantFrom("providers", "session", "csrf", "signin", "signout", "error", "callback/credentials", "signin/credentials"),
          nastyString.map((v) => encodeURIComponent(v).slice(0, 2_000) || "x"),
        ),
        queryKeys: ["callbackUrl", "error", "csrf"],
      },
      {
        id: "POST app/api/auth/[...nextauth]/route.ts",
        method: "POST",
        path: (p) => `/api/auth/${p}`,
        params: (p) => ({ nextauth: p.split("/") }),
        call: (r) => authPost(r),
        param: fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "nope"),
        queryKeys: [],
      },
    ];
  });

  function arbitrary(e: Endpoint): fc.Arbitrary<Input> {
    const keys = [...e.queryKeys, "firmId", "firm_id", "role", "candidateId"];
    const value = fc.oneof(
      nastyString,
      fc.constantFrom(a.clientId, b.clientId, a.jobId, a.recruiter.userId, a.interviewId, b.interviewId, "applications", "interviews", "interview", "application", "offer", "2026-01-01", "1", "0", "1000"),
    );
    const jsonBody = fc
      .dictionary(fc.oneof(fc.constantFrom("label", "firmId", "role", "id", "email", "password", "csrfToken", "code", "__proto__"), fc.string({ maxLength: 8 })), fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyString))
      .map((o) => JSON.stringify(o));
    const formBody = fc
      .dictionary(fc.constantFrom("email", "password", "csrfToken", "code", "callbackUrl", "firmId", "role", "redirect"), nastyString)
      .map((o) => new URLSearchParams(o).toString());
    return fc.record({
      caller: e.callers ?? fc.constantFrom(...CALLERS),
      param: e.param,
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })), value), { maxLength: 6 }),
      headers: fc.array(
        fc.tuple(
          fc.constantFrom("authorization", "origin", "x-forwarded-for", "x-request-id", "accept", "cookie", "x-firm-id"),
          fc.oneof(fc.constantFrom(BASE, "https://evil.example", "null"), nastyString),
        ),
        { maxLength: 3 },
      ),
      body:
        e.method !== "GET"
          ? fc.oneof(fc.constant(null), jsonBody, formBody, nastyString, fc.integer({ min: 1, max: 3 }).map((n) => "x".repeat(n * 1_000_000)))
          : fc.constant(null),
      contentType: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", ""),
    });
  }

  function build(e: Endpoint, input: Input, authorization: string | null): NextRequest {
    const url = new URL(`${BASE}${e.path(input.param)}`);
    for (const [k, v] of input.query) url.searchParams.append(k, v);
    const headers = new Headers({ host: "localhost:3000" });
    for (const [k, v] of input.headers) headers.set(k, headerSafe(v));
    if (authorization !== null) headers.set("authorization", headerSafe(authorization));
    if (input.contentType) headers.set("content-type", input.contentType);
    return new NextRequest(url, { method: e.method, headers, body: e.method !== "GET" ? input.body : null });
  }

  /**
   * A route handler added later without its own entry above still gets
   * generated input: its dynamic segments, query, headers and body.
   */
  function genericEndpoint(id: string): Endpoint {
    const [method, file] = id.split(" ") as [string, string];
    const segments = file.replace(/^app\//, "").replace(/\/route\.ts$/, "").split("/").filter((x) => !/^\(.*\)$/.test(x));
    const dynamic = segments.map((x) => /^\[(?:\.\.\.)?(\w+)\]$/.exec(x)?.[1]).filter((x): x is string => Boolean(x));
    const key = Object.keys(routeModules).find((k) => k.endsWith(file.replace(/^app\//, "")))!;
    return {
      id,
      method,
      path: (p) => `/${segments.map((x) => (/^\[/.test(x) ? encodeURIComponent(p) || "x" : x)).join("/")}`,
      params: (p) => Object.fromEntries(dynamic.map((name) => [name, p])),
      call: async (r, c) => {
        const mod = await routeModules[key]!();
        return (mod[method] as (r: NextRequest, c: unknown) => Promise<Response>)(r, c);
      },
      param: fc.oneof(fc.constantFrom(a.candidateId, b.candidateId, a.interviewId), fc.uuid(), nastyString),
      queryKeys: ["id", "firm", "interview", "limit", "cursor"],
    };
  }

  /**
   * After an accepted export: its run finishes (and is audited) once the
   * stream has been read, a moment after the answer; wait for those writes.
   */
  async function settled(): Promise<number> {
    const db = database.current.db;
    for (let i = 0; i < 250; i++) {
      const running = await db.select({ id: s.exportRuns.id }).from(s.exportRuns).where(eq(s.exportRuns.status, "running")).limit(1);
      if (running.length === 0) break;
      await sleep(20);
    }
    let last = await changes();
    for (let i = 0; i < 50; i++) {
      await sleep(20);
      const now = await changes();
      if (now === last) return now;
      last = now;
    }
    return last;
  }

  const names = discoverRoutes()
    .map((r) => `${r.method} ${r.file}`)
    .filter((id) => /^(GET|POST|PUT|PATCH|DELETE) /.test(id))
    .sort();
  for (const name of names) {
    it(`${name} answers ${RUNS} generated requests without a 5xx, and a refused one changes nothing`, async () => {
      const e = endpoints.find((x) => x.id === name) ?? genericEndpoint(name);
      const db = database.current.db;
      let baseline = await changes();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(arbitrary(e), e.authorization ?? fc.constant(null), async (input, bearer) => {
          // The per-token rate limit would turn most requests into 429s.
          if (e.authorization) await db.delete(s.throttles).where(like(s.throttles.key, "api-token:%"));
          signedInAs(sessions[input.caller]);
          testContext.headers = {};
          const authorization = bearer ?? input.headers.find(([k]) => k === "authorization")?.[1] ?? null;
          const request = build(e, input, authorization);
          const response = await within(30_000, e.call(request, { params: Promise.resolve(e.params(input.param)) }), `${name}`);
          const text = await within(30_000, response.text(), `${name} body`);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, text.slice(0, 300)).toBeLessThan(500);
          if (response.status >= 400) expect(text).not.toMatch(STACK);
          if (response.status < 400 && e.writesOnSuccess) {
            baseline = await settled();
            return;
          }
          expect((await changes()) - baseline, `rows written by a ${response.status} answer`).toBe(0);
        }),
        { numRuns: RUNS },
      );
      signedInAs(null);
      // A summary to read in the log: the spread of answers the inputs produced.
      console.info(`${name}: ${JSON.stringify(Object.fromEntries([...statuses].sort((x, y) => x[0] - y[0])))}`);
    }, 600_000);
  }
});
