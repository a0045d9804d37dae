import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { STAGES } from "@/db/schema/enums";
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_TIME_ZONE,
  SEED_COUNTS,
  countFirmRows,
  isDatabaseEmpty,
  seedDemo,
  type SeedSummary,
} from "@/db/seed";
import { BENCH_PASSWORD, seedScale, type ScaleSummary } from "@/db/seed-scale";
import { verifyPassword } from "@/lib/platform/password";
import { freshDatabase } from "../helpers/db";

/** A Monday, 10:00 in New York. */
const NOW = new Date("2026-11-30T15:00:00Z");
const local = (d: Date | string, pattern: string) => format(new Date(d), pattern, { in: tz(DEMO_TIME_ZONE) });

/** Every tenant table, with the key that identifies a row within a firm. */
const TENANT_TABLES: [string, string][] = [
  ["memberships", "id"],
  ["clients", "id"],
  ["contacts", "id"],
  ["jobs", "id"],
  ["candidates", "id"],
  ["scorecard_attributes", "id"],
  ["applications", "id"],
  ["application_stage_changes", "id"],
  ["interviews", "id"],
  ["interview_participants", "interview_id"],
  ["debriefs", "id"],
  ["debrief_versions", "id"],
  ["debrief_people", "id"],
  ["interviewer_feedback", "id"],
  ["feedback_ratings", "feedback_id"],
  ["feedback_links", "id"],
  ["call_logs", "id"],
  ["tasks", "id"],
  ["audit_events", "id"],
];

describe("seedDemo", () => {
  let database: Database;
  let summary: SeedSummary;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => database.query<T>(text, params);
  const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => {
    const rows = await q<T>(text, params);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  beforeAll(async () => {
    database = await freshDatabase();
    expect(await isDatabaseEmpty(database.db)).toBe(true);
    summary = await seedDemo(database.db, { now: NOW });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates exactly the documented rows in the demo firm", () => {
    expect(summary.counts).toEqual(SEED_COUNTS);
    expect(SEED_COUNTS).toMatchObject({ clients: 8, jobs: 15, candidates: 60, applications: 120 });
    expect(SEED_COUNTS.interviews).toBeGreaterThanOrEqual(140);
    expect(SEED_COUNTS.interviews).toBeLessThanOrEqual(165);
  });

  it("reports the database as no longer empty", async () => {
    expect(await isDatabaseEmpty(database.db)).toBe(false);
  });

  it("gives every client two to four contacts", async () => {
    const rows = await q<{ n: number }>(
      "select count(*)::int as n from contacts where firm_id = $1 group by client_id",
      [summary.firmId],
    );
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r.n).toBeGreaterThanOrEqual(2);
      expect(r.n).toBeLessThanOrEqual(4);
    }
  });

  it("puts applications in every stage, each with its stage history", async () => {
    const stages = await q<{ stage: string }>("select distinct stage from applications where firm_id = $1", [
      summary.firmId,
    ]);
    expect(stages.map((r) => r.stage).sort()).toEqual([...STAGES].sort());
    const mismatched = await q(
      `select a.id from applications a
       join lateral (select to_stage, changed_at from application_stage_changes c
                     where c.firm_id = a.firm_id and c.application_id = a.id
                     order by changed_at desc limit 1) last on true
       where a.firm_id = $1 and (last.to_stage <> a.stage or last.changed_at <> a.stage_changed_at)`,
      [summary.firmId],
    );
    expect(mismatched).toEqual([]);
    const first = await q<{ to_stage: string; n: number }>(
      `select distinct on (application_id) to_stage from application_stage_changes
       where firm_id = $1 order by application_id, changed_at`,
      [summary.firmId],
    );
    expect(new Set(first.map((r) => r.to_stage))).toEqual(new Set(["sourced"]));
  });

  it("has past and upcoming interviews in every status, with participants from the client's contacts", async () => {
    const rows = await q<{ status: string; past: boolean; n: number }>(
      "select status, ends_at < $2 as past, count(*)::int as n from interviews where firm_id = $1 group by 1, 2",
      [summary.firmId, NOW],
    );
    const by = (status: string, past: boolean) => rows.find((r) => r.status === status && r.past === past)?.n ?? 0;
    expect(by("completed", true)).toBeGreaterThan(80);
    expect(by("scheduled", false)).toBeGreaterThan(10);
    expect(by("cancelled", true) + by("cancelled", false)).toBeGreaterThan(0);
    expect(by("no_show", true)).toBeGreaterThan(0);
    expect(by("completed", false) + by("no_show", false)).toBe(0);
    const foreign = await q(
      `select p.interview_id from interview_participants p
       join interviews i on i.firm_id = p.firm_id and i.id = p.interview_id
       join applications a on a.firm_id = i.firm_id and a.id = i.application_id
       join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
       join contacts c on c.firm_id = p.firm_id and c.id = p.contact_id
       where p.firm_id = $1 and c.client_id <> j.client_id`,
      [summary.firmId],
    );
    expect(foreign).toEqual([]);
  });

  it("has debriefs in every state: none yet, draft, submitted, amended and reviewed", async () => {
    const s = await one<Record<string, number>>(
      `select
         (select count(*)::int from interviews i where i.firm_id = $1 and i.status = 'completed'
            and not exists (select 1 from debriefs d where d.firm_id = i.firm_id and d.interview_id = i.id)) as none,
         count(*) filter (where status = 'draft')::int as draft,
         count(*) filter (where status = 'submitted' and submitted_versions = 1 and reviewed_at is null)::int as submitted,
         count(*) filter (where status = 'submitted' and submitted_versions >= 2)::int as amended,
         count(*) filter (where reviewed_at is not null)::int as reviewed
       from debriefs where firm_id = $1`,
      [summary.firmId],
    );
    for (const state of ["none", "draft", "submitted", "amended", "reviewed"]) expect(s[state], state).toBeGreaterThan(0);
  });

  it("keeps one version row per submission of every debrief", async () => {
    const rows = await q(
      `select d.id from debriefs d
       left join debrief_versions v on v.firm_id = d.firm_id and v.debrief_id = d.id
       where d.firm_id = $1 group by d.id, d.submitted_versions having count(v.id) <> d.submitted_versions`,
      [summary.firmId],
    );
    expect(rows).toEqual([]);
  });

  it("records thank-you notes both sent and not yet sent", async () => {
    const r = await one<{ sent: number; unsent: number }>(
      `select count(*) filter (where thank_you_sent)::int as sent, count(*) filter (where not thank_you_sent)::int as unsent
       from debrief_people where firm_id = $1`,
      [summary.firmId],
    );
    expect(r.sent).toBeGreaterThan(0);
    expect(r.unsent).toBeGreaterThan(0);
  });

  it("rates feedback on a scorecard of eight attributes in three categories", async () => {
    const attributes = await q<{ category: string }>(
      "select category from scorecard_attributes where firm_id = $1",
      [summary.firmId],
    );
    expect(attributes).toHaveLength(8);
    expect(new Set(attributes.map((a) => a.category))).toEqual(new Set(["Skills", "Communication", "Fit"]));
    const unrated = await q(
      `select f.id from interviewer_feedback f where f.firm_id = $1
       and not exists (select 1 from feedback_ratings r where r.firm_id = f.firm_id and r.feedback_id = f.id)`,
      [summary.firmId],
    );
    expect(unrated.length).toBeLessThan(SEED_COUNTS.interviewerFeedback / 10);
  });

  it("has open, done and skipped tasks, open ones overdue, policy ones with a rule and key, manual ones without", async () => {
    const rows = await q<{ state: string; policy: boolean; overdue: number; n: number }>(
      `select state, rule is not null as policy, count(*)::int as n,
              count(*) filter (where due_at < $2)::int as overdue
       from tasks where firm_id = $1 group by 1, 2`,
      [summary.firmId, NOW],
    );
    for (const state of ["open", "done", "skipped"]) {
      expect(rows.some((r) => r.state === state && r.policy)).toBe(true);
    }
    expect(rows.find((r) => r.state === "open" && r.policy)!.overdue).toBeGreaterThan(0);
    expect(rows.some((r) => r.state === "open" && !r.policy)).toBe(true);
    const malformed = await q(
      `select id from tasks where firm_id = $1
       and ((rule is null) <> (policy_key is null) or (rule is not null and rule !~ '^rule [1-6]$'))`,
      [summary.firmId],
    );
    expect(malformed).toEqual([]);
  });

  it("sets up the firm's follow-up policy, time zone and holidays", async () => {
    const firm = await one<{ time_zone: string; holidays: string[] | string; policy: Record<string, number> }>(
      "select time_zone, holidays::text[] as holidays, policy from firms where id = $1",
      [summary.firmId],
    );
    expect(firm.time_zone).toBe("America/New_York");
    expect(firm.policy).toMatchObject({ thankYouWithinHours: 24, feedbackWithinBusinessDays: 2, callAfterBusinessDays: 3 });
    expect(firm.holidays.length).toBeGreaterThanOrEqual(2);
  });

  it("creates every demo login with the demo password and the right role", async () => {
    const rows = await q<{ email: string; role: string; password_hash: string; candidate_id: string | null }>(
      `select u.email, m.role, u.password_hash, m.candidate_id from users u join memberships m on m.user_id = u.id`,
    );
    for (const login of DEMO_LOGINS) {
      const row = rows.find((r) => r.email === login.email);
      expect(row, login.email).toBeDefined();
      expect(row!.role).toBe(login.role);
      expect(row!.candidate_id !== null).toBe(login.role === "candidate");
    }
    // One shared hash: verifying one verifies them all.
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(1);
    expect(await verifyPassword(rows[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it("links candidate accounts to their own candidate records", async () => {
    const rows = await q(
      `select u.email from memberships m join users u on u.id = m.user_id
       join candidates c on c.firm_id = m.firm_id and c.id = m.candidate_id
       where m.role = 'candidate' and lower(c.email) <> lower(u.email)`,
    );
    expect(rows).toEqual([]);
  });

  describe("the demo story", () => {
    it("has a debrief filed last night, not reviewed, promising a decision by Friday and naming a certification not mentioned", async () => {
      const { story } = summary;
      const d = await one<{
        status: string;
        submitted_at: Date;
        reviewed_at: Date | null;
        expected_decision_on: string;
        not_mentioned: string;
        owner: string;
      }>(
        `select d.status, d.submitted_at, d.reviewed_at, d.expected_decision_on::text, d.not_mentioned,
                a.recruiter_user_id as owner
         from debriefs d join interviews i on i.firm_id = d.firm_id and i.id = d.interview_id
         join applications a on a.firm_id = i.firm_id and a.id = i.application_id
         where d.firm_id = $1 and d.id = $2`,
        [summary.firmId, story.filedLastNight.debriefId],
      );
      expect(d.status).toBe("submitted");
      expect(d.reviewed_at).toBeNull();
      expect(d.owner).toBe(story.recruiterUserId);
      expect(local(d.submitted_at, "yyyy-MM-dd")).toBe("2026-11-29");
      expect(Number(local(d.submitted_at, "H"))).toBeGreaterThanOrEqual(19);
      expect(d.expected_decision_on).toBe(story.filedLastNight.expectedDecisionOn);
      expect(local(`${d.expected_decision_on}T12:00:00-05:00`, "EEEE")).toBe("Friday");
      expect(d.expected_decision_on).toBe("2026-12-04");
      expect(d.not_mentioned).toMatch(/certification/i);
    });

    it("has an interview that ended yesterday with no debrief yet", async () => {
      const i = await one<{ status: string; ends_at: Date; debriefs: number }>(
        `select i.status, i.ends_at,
                (select count(*)::int from debriefs d where d.firm_id = i.firm_id and d.interview_id = i.id) as debriefs
         from interviews i where i.firm_id = $1 and i.id = $2`,
        [summary.firmId, summary.story.noDebriefYet.interviewId],
      );
      expect(i.status).toBe("completed");
      expect(local(i.ends_at, "yyyy-MM-dd")).toBe("2026-11-29");
      expect(i.debriefs).toBe(0);
    });

    it("has a client whose feedback is two days overdue", async () => {
      const t = await one<{ state: string; rule: string; policy_key: string; due_at: Date; feedback: number }>(
        `select t.state, t.rule, t.policy_key, t.due_at,
                (select count(*)::int from interviewer_feedback f where f.firm_id = t.firm_id and f.interview_id = t.interview_id) as feedback
         from tasks t where t.firm_id = $1 and t.id = $2`,
        [summary.firmId, summary.story.feedbackOverdue.taskId],
      );
      expect(t).toMatchObject({ state: "open", rule: "rule 3", policy_key: "collect_feedback", feedback: 0 });
      // Two days before Monday 30 November is a Saturday: the due date is the business day before.
      expect(local(t.due_at, "yyyy-MM-dd")).toBe("2026-11-27");
      expect(t.due_at.getTime()).toBeLessThan(NOW.getTime() - 2 * 24 * 3600_000);
    });

    it("has one feedback link sent and waiting, and one answered through the link with a decision to confirm", async () => {
      const links = await q<{ interview_id: string; answered_at: Date | null; revoked_at: Date | null; expires_at: Date; feedback_id: string | null }>(
        "select interview_id, answered_at, revoked_at, expires_at, feedback_id from feedback_links where firm_id = $1 order by created_at",
        [summary.firmId],
      );
      expect(links).toHaveLength(2);
      const { sentInterviewId, answeredInterviewId, answeredFeedbackId } = summary.story.feedbackLinks;
      const waiting = links.find((l) => l.interview_id === sentInterviewId)!;
      expect(waiting).toMatchObject({ answered_at: null, revoked_at: null, feedback_id: null });
      expect(waiting.expires_at.getTime()).toBeGreaterThan(NOW.getTime());
      // The waiting one is on the story's overdue feedback, which stays overdue.
      expect(sentInterviewId).toBe(summary.story.feedbackOverdue.interviewId);
      const answered = links.find((l) => l.interview_id === answeredInterviewId)!;
      expect(answered.feedback_id).toBe(answeredFeedbackId);
      expect(answered.answered_at!.getTime()).toBeLessThan(NOW.getTime());
      const f = await one<{ channel: string; proposed_decision: string; decision: string | null; recorded_by: string | null }>(
        "select channel, proposed_decision, decision, recorded_by from interviewer_feedback where firm_id = $1 and id = $2",
        [summary.firmId, answeredFeedbackId],
      );
      expect(f).toEqual({ channel: "link", proposed_decision: "next_round", decision: null, recorded_by: null });
    });

    it("has a candidate who has already called the interviewer twice", async () => {
      const calls = await q<{ called_at: Date }>(
        "select called_at from call_logs where firm_id = $1 and interview_id = $2 order by called_at",
        [summary.firmId, summary.story.calledTwice.interviewId],
      );
      expect(calls).toHaveLength(2);
      for (const c of calls) expect(c.called_at.getTime()).toBeLessThan(NOW.getTime());
    });

    it("gives the story candidate two thank-you notes due today", async () => {
      const rows = await q<{ due_at: Date; state: string; owner_kind: string; owner_user_id: string }>(
        "select due_at, state, owner_kind, owner_user_id from tasks where firm_id = $1 and id = any($2)",
        [summary.firmId, summary.story.thankYouNotesDue.taskIds],
      );
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r).toMatchObject({ state: "open", owner_kind: "candidate", owner_user_id: summary.story.storyCandidateUserId });
        expect(local(r.due_at, "yyyy-MM-dd")).toBe("2026-11-30");
      }
      const people = await q<{ thank_you_sent: boolean }>(
        `select p.thank_you_sent from debrief_people p where p.firm_id = $1 and p.debrief_id = $2`,
        [summary.firmId, summary.story.filedLastNight.debriefId],
      );
      expect(people.map((p) => p.thank_you_sent)).toEqual([false, false]);
    });

    it("allows the story candidate one call, next Wednesday", async () => {
      expect(summary.story.callAllowedOn).toBe("2026-12-09");
      const calls = await q<{ due_at: Date; state: string }>(
        `select due_at, state from tasks where firm_id = $1 and candidate_id = $2 and policy_key = 'call' and state = 'open'`,
        [summary.firmId, summary.story.storyCandidateId],
      );
      expect(calls).toHaveLength(1);
      expect(local(calls[0]!.due_at, "EEEE yyyy-MM-dd")).toBe("Wednesday 2026-12-09");
    });

    it("leaves the story candidate's other application with every step done", async () => {
      const tasks = await q<{ state: string }>("select state from tasks where firm_id = $1 and interview_id = $2", [
        summary.firmId,
        summary.story.waiting.interviewId,
      ]);
      expect(tasks.length).toBeGreaterThan(0);
      expect(new Set(tasks.map((t) => t.state))).toEqual(new Set(["done"]));
      const d = await one<{ status: string; expected_decision_on: string | null; call_invitation: string | null }>(
        "select status, expected_decision_on, call_invitation from debriefs where firm_id = $1 and id = $2",
        [summary.firmId, summary.story.waiting.debriefId],
      );
      expect(d).toEqual({ status: "submitted", expected_decision_on: null, call_invitation: "none" });
    });
  });

  it("creates a second, smaller firm whose rows never mix with the demo firm's", async () => {
    const second = summary.secondFirmCounts;
    expect(second.candidates).toBeGreaterThan(0);
    expect(second.candidates).toBeLessThan(SEED_COUNTS.candidates);
    expect(second.interviews).toBeGreaterThan(0);
    expect(second.debriefs).toBeGreaterThan(0);
    expect(await countFirmRows(database.db, summary.secondFirmId)).toEqual(second);
    const firms = await q<{ id: string }>("select id from firms order by name");
    expect(firms.map((f) => f.id).sort()).toEqual([summary.firmId, summary.secondFirmId].sort());
    for (const [table, key] of TENANT_TABLES) {
      const shared = await q(
        `select a.${key} from ${table} a join ${table} b on b.${key} = a.${key}
         where a.firm_id = $1 and b.firm_id = $2 limit 1`,
        [summary.firmId, summary.secondFirmId],
      );
      expect(shared, table).toEqual([]);
    }
    const sharedUsers = await q(
      `select user_id from memberships where firm_id = $1 intersect select user_id from memberships where firm_id = $2`,
      [summary.firmId, summary.secondFirmId],
    );
    expect(sharedUsers).toEqual([]);
  });
});

describe("seedDemo, seeded again", () => {
  const names = async (database: Database) =>
    database.query<{ kind: string; name: string; email: string | null }>(
      `select 'user' as kind, name, email from users
       union all select 'candidate', name, email from candidates
       union all select 'contact', name, email from contacts
       union all select 'client', name, null from clients
       union all select 'job', title, location from jobs
       order by 1, 2, 3`,
    );

  it("gives the same names and emails from the same now, and the same counts on other days", async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    const c = await freshDatabase();
    try {
      const first = await seedDemo(a.db, { now: NOW });
      await seedDemo(b.db, { now: NOW });
      expect(await names(b)).toEqual(await names(a));
      // A Sunday evening the day DST starts: the shape must not depend on the clock.
      const other = await seedDemo(c.db, { now: new Date("2026-03-08T23:30:00Z") });
      expect(other.counts).toEqual(first.counts);
      expect(await names(c)).toEqual(await names(a));
      expect(local(`${other.story.filedLastNight.expectedDecisionOn}T12:00:00-05:00`, "EEEE")).toBe("Friday");
      expect(local(`${other.story.callAllowedOn}T12:00:00-05:00`, "EEEE")).toBe("Wednesday");
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});

describe("seedScale", () => {
  let database: Database;
  let summary: ScaleSummary;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => database.query<T>(text, params);

  beforeAll(async () => {
    database = await freshDatabase();
    summary = await seedScale(database, 200, {
      interviewsPerCandidate: 5,
      smallFirms: 2,
      smallFirmCandidates: 20,
      now: NOW,
      log: () => {},
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("adds a benchmark firm with rows in proportion to its candidates", () => {
    const r = summary.firm.rows;
    expect(r.candidates).toBe(200);
    expect(r.clients).toBe(5);
    expect(r.contacts).toBe(20);
    expect(r.jobs).toBe(5);
    expect(r.applications).toBe(240);
    expect(r.interviews).toBeGreaterThan(850);
    expect(r.interviews).toBeLessThan(1150);
    expect(r.application_stage_changes).toBeGreaterThan(r.applications!);
    expect(r.interview_participants).toBeGreaterThanOrEqual(r.interviews!);
    expect(r.tasks).toBeGreaterThan(0);
  });

  it("files debriefs for about 70% and feedback for about half of past interviews", async () => {
    const [s] = await q<{ past: number; debriefs: number; feedback: number }>(
      `select count(*)::int as past,
              (select count(*)::int from debriefs where firm_id = $1) as debriefs,
              (select count(*)::int from interviewer_feedback where firm_id = $1) as feedback
       from interviews where firm_id = $1 and ends_at < $2`,
      [summary.firm.firmId, NOW],
    );
    expect(s!.debriefs / s!.past).toBeGreaterThan(0.6);
    expect(s!.debriefs / s!.past).toBeLessThan(0.8);
    expect(s!.feedback / s!.past).toBeGreaterThan(0.4);
    expect(s!.feedback / s!.past).toBeLessThan(0.6);
  });

  it("marks every firm it adds as a benchmark firm, beside the small ones", async () => {
    const firms = await q<{ id: string; is_benchmark: boolean; candidates: number }>(
      `select f.id, f.is_benchmark, (select count(*)::int from candidates c where c.firm_id = f.id) as candidates
       from firms f`,
    );
    expect(firms).toHaveLength(3);
    for (const f of firms) expect(f.is_benchmark).toBe(true);
    expect(summary.smallFirms.map((f) => f.rows.candidates)).toEqual([20, 20]);
  });

  it("makes version 7 UUIDs that ascend with the rows", async () => {
    const ids = await q<{ id: string }>("select id::text from interviews where firm_id = $1 order by id", [
      summary.firm.firmId,
    ]);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps every row's references inside its own firm", async () => {
    // The composite foreign keys already refused anything else; check a few joins for good measure.
    const orphans = await q<{ n: number }>(
      `select count(*)::int as n from interviews i
       left join applications a on a.firm_id = i.firm_id and a.id = i.application_id and a.candidate_id = i.candidate_id
       where a.id is null`,
    );
    expect(orphans[0]!.n).toBe(0);
    const crossFirm = await q<{ n: number }>(
      `select count(*)::int as n from memberships m join candidates c on c.id = m.candidate_id where c.firm_id <> m.firm_id`,
    );
    expect(crossFirm[0]!.n).toBe(0);
  });

  it("creates sign-in accounts with the benchmark password", async () => {
    const [admin] = await q<{ password_hash: string; role: string }>(
      "select u.password_hash, m.role from users u join memberships m on m.user_id = u.id where u.email = $1",
      [summary.firm.adminEmail],
    );
    expect(admin!.role).toBe("admin");
    expect(await verifyPassword(admin!.password_hash, BENCH_PASSWORD)).toBe(true);
    const candidates = await q<{ n: number }>(
      "select count(*)::int as n from memberships where firm_id = $1 and role = 'candidate' and candidate_id is not null",
      [summary.firm.firmId],
    );
    expect(candidates[0]!.n).toBe(summary.firm.candidateEmails.length);
  });
});
