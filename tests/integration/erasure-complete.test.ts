import { randomBytes, randomInt } from "node:crypto";
import { and, desc, eq, like, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Db } from "@/db/client";
import { createApplication, moveApplication } from "@/db/queries/applications";
import { unsafeAcceptInvitationAsNewUser, unsafeAcceptInvitationForUser, unsafeCreateAuthSession } from "@/db/queries/auth";
import { createCandidate, updateCandidate } from "@/db/queries/candidates";
import { exportCandidateData } from "@/db/queries/data-rights";
import { createFeedback } from "@/db/queries/feedback-recording";
import { updateClientPackFields } from "@/db/queries/client-pack";
import { accessFeedbackLink } from "@/lib/auth/feedback-link-access";
import { answerFeedbackLink } from "@/lib/feedback-links/answer-link";
import { requestFeedback } from "@/lib/feedback-links/request-feedback";
import { scheduleInterview, updateInterviewStatus } from "@/db/queries/interview-scheduling";
import { createTask } from "@/db/queries/tasks";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { logCallAction } from "@/app/(candidate)/my/plan/actions";
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { inviteCandidateAction } from "@/app/(staff)/candidates/actions";
import { eraseCandidateAction } from "@/app/(staff)/settings/data-requests/actions";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/platform/password";
import { hashToken } from "@/lib/auth/tokens";
import { syncPlan } from "@/lib/plans/sync";
import { WEBHOOK_EVENTS } from "@/lib/core/validation/webhooks";
import { setWebhookResolverForTests } from "@/lib/webhooks/deliver";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { useTwoFirms } from "../helpers/firms";
import { runJobs } from "../helpers/jobs";
import { formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";

const HOUR = 3_600_000;
const PASSWORD = "a long and unusual passphrase 981";

/** A person whose name, address and phone occur nowhere else, so any copy left behind is found. */
function distinctivePerson() {
  const tag = randomBytes(4).toString("hex");
  const first = `Zebulon${tag}`;
  const last = `Quillfeather${tag}`;
  return {
    first,
    last,
    name: `${first} ${last}`,
    email: `zq.${tag}@erasure-${tag}.example`,
    phone: `+1 (555) ${randomInt(100, 999)}-${randomInt(1000, 9999)}${randomInt(10, 99)}`,
  };
}

/**
 * Every text, varchar, char, json and jsonb column (and arrays of them) of
 * every table in every schema but the system's, found at run time, so tables
 * added later are searched too. Returns "schema.table.column" for each hit.
 */
async function findAnywhere(db: Db, needles: string[]): Promise<string[]> {
  const columns = (await db.execute(sql`
    select c.table_schema as schema, c.table_name as table, c.column_name as column
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema not in ('pg_catalog', 'information_schema')
       and t.table_type = 'BASE TABLE'
       and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
            or c.udt_name in ('_text', '_varchar', '_bpchar', '_json', '_jsonb'))
     order by 1, 2, 3`)) as unknown as { rows: { schema: string; table: string; column: string }[] };
  expect(columns.rows.length).toBeGreaterThan(20);
  const hits: string[] = [];
  for (const { schema, table, column } of columns.rows) {
    const col = sql.raw(`"${schema}"."${table}"."${column}"`);
    const from = sql.raw(`"${schema}"."${table}"`);
    const found = sql.join(
      needles.map((n) => sql`position(${n.toLowerCase()} in lower(${col}::text)) > 0`),
      sql` or `,
    );
    const r = (await db.execute(sql`select count(*)::int as n from ${from} where ${found}`)) as unknown as { rows: { n: number }[] };
    if (r.rows[0]!.n > 0) hits.push(`${schema}.${table}.${column} (${r.rows[0]!.n})`);
  }
  return hits;
}

function debriefDraft(p: ReturnType<typeof distinctivePerson>): DebriefDraft {
  return completeDebrief({
    wentWell: `I, ${p.name}, explained the migration I led.`,
    concerns: `They asked me to call ${p.phone} back.`,
    notMentioned: `My other address ${p.email}`,
    notesForRecruiter: `${p.first} here: reach me on ${p.phone}.`,
    people: [debriefPerson({ thankYouSent: true, thankYouSentAt: new Date().toISOString(), thankYouChannel: "email" })],
  });
}

describe("erasure is complete", () => {
  const { database, db, firms: { a, b } } = useTwoFirms({ names: ["erase", "elsewhere"], requests: true });

  beforeAll(() => {
  });

  /** A candidate of `firm`, taken through every feature; returns their ids. */
  async function seedThroughEveryFeature(firm: TestFirm, p: ReturnType<typeof distinctivePerson>) {
    const recruiter = scopeOf(db(), firm, firm.recruiter);
    const created = await createCandidate(recruiter, {
      name: p.name,
      email: p.email,
      phone: p.phone,
      location: `${p.last} Street`,
      headline: `${p.name}, platform engineer`,
      notes: `Met ${p.first} at a meetup; phone ${p.phone}.`,
      ownerUserId: firm.recruiter.userId,
    });
    if (!created.ok) throw new Error(`candidate: ${JSON.stringify(created)}`);
    const candidateId = created.value.id;
    const updated = await updateCandidate(recruiter, { ...created.value, headline: `${p.first} — staff engineer`, ownerUserId: firm.recruiter.userId });
    if (!updated.ok) throw new Error(`candidate update: ${JSON.stringify(updated)}`);

    const app = await createApplication(recruiter, { candidateId, jobId: firm.jobId, stage: "submitted" });
    if (!app.ok) throw new Error(`application: ${JSON.stringify(app)}`);
    const startsAt = new Date(Date.now() - 6 * HOUR);
    const iv = await scheduleInterview(recruiter, {
      applicationId: app.value.id,
      kind: "onsite",
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      location: "Client HQ",
      videoUrl: "",
      arrangedByFirm: true,
      notes: `${p.first} prefers mornings; ${p.phone}`,
      contactIds: [firm.contactId],
    });
    if (!iv.ok) throw new Error(`interview: ${JSON.stringify(iv)}`);
    const interviewId = iv.value.id;
    const done = await updateInterviewStatus(recruiter, { id: interviewId, version: iv.value.version, status: "completed" });
    if (!done.ok) throw new Error(`interview status: ${JSON.stringify(done)}`);

    // The invitation (mailed to the candidate), accepted; a signed-in session.
    signedInAs(await sessionFor(db(), firm, firm.admin));
    const invited = await submit(inviteCandidateAction, formData({ candidateId }));
    expect(invited.ok, JSON.stringify(invited)).toBe(true);
    const [inviteMail] = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.firmId, firm.firmId), eq(s.emailOutbox.to, p.email)));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(inviteMail!.text)![1]!;
    const accepted = await unsafeAcceptInvitationAsNewUser(db(), { tokenHash: hashToken(token), name: p.name, passwordHash: await hashPassword(PASSWORD) });
    if (!accepted || accepted === "account_exists") throw new Error(`invitation not accepted: ${String(accepted)}`);
    const userId = accepted.userId;
    const [membership] = await db()
      .select({ id: s.memberships.id })
      .from(s.memberships)
      .where(and(eq(s.memberships.firmId, firm.firmId), eq(s.memberships.userId, userId)));
    const session = await unsafeCreateAuthSession(db(), { userId, firmId: firm.firmId, absoluteHours: 12, ip: "203.0.113.77", userAgent: `Browser of ${p.name}` });

    // The candidate files a debrief (mailed to the recruiter, quoting it) and logs two calls (the second warns the recruiter).
    const [u] = await db().select({ sv: s.users.sessionVersion }).from(s.users).where(eq(s.users.id, userId));
    signedInAs({ userId, sessionId: session.id, firmId: firm.firmId, sessionVersion: u!.sv });
    const filed = await submit(submitDebriefAction, formData({ interviewId, version: "", draft: JSON.stringify(debriefDraft(p)) }));
    expect(filed.ok, JSON.stringify(filed)).toBe(true);
    // The recruiter's email about it is a job of the submission: run it, as the app's runner would.
    await runJobs(database.current);
    for (const notes of [`${p.first} left a voicemail`, `${p.name} called again from ${p.phone}`]) {
      const call = await submit(logCallAction, formData({ interviewId, contactId: firm.contactId, calledAt: "", notes }));
      expect(call.ok, JSON.stringify(call)).toBe(true);
    }

    // Staff: client feedback with a decision (moves the stage with a reason), a task, the plan, a move and a rejection with reasons.
    const [attr] = await db()
      .insert(s.scorecardAttributes)
      .values({ firmId: firm.firmId, category: "Skills", name: `Systems ${randomBytes(3).toString("hex")}` })
      .returning({ id: s.scorecardAttributes.id });
    const [seen] = await db().select().from(s.applications).where(eq(s.applications.id, app.value.id));
    const fb = await createFeedback(recruiter, {
      seenStage: { stage: seen!.stage, changedAt: seen!.stageChangedAt },
      interviewId,
      contactId: firm.contactId,
      receivedAt: new Date(),
      channel: "call",
      recommendation: "yes",
      takeaways: `${p.first} was strong`,
      sharedSummary: `Well done, ${p.first}`,
      internalNotes: `${p.name} wants more than budget; ${p.email}`,
      decision: "next_round",
      ratings: [{ attributeId: attr!.id, rating: "strong_yes", note: `${p.first} knew the stack` }],
    });
    expect(fb).not.toBe("not_found");
    // The interviewer answers through a feedback link (its mail names the candidate, and so does the answer).
    await requestFeedback(recruiter, { interviewId, contactId: firm.contactId });
    const [linkMail] = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.firmId, firm.firmId), like(s.emailOutbox.dedupeKey, "feedback-link:%")))
      .orderBy(desc(s.emailOutbox.createdAt))
      .limit(1);
    const linkToken = /\/feedback\/([A-Za-z0-9_-]+)/.exec(linkMail!.text)![1]!;
    const access = await accessFeedbackLink(linkToken, { ip: null });
    if (access.status !== "open") throw new Error(`feedback link: ${access.status}`);
    const answered = await answerFeedbackLink(access, {
      token: linkToken,
      contactId: firm.contactId,
      recommendation: "yes",
      strengths: `${p.first} explained the outage calmly`,
      concerns: `${p.name} asked twice about the salary`,
      decision: null,
      expectedDecisionOn: null,
      ratings: [],
    });
    expect(answered).toBe("saved");
    // The client pack's summary and salary, written for the client, name the candidate too.
    const [forPack] = await db().select({ version: s.applications.version }).from(s.applications).where(eq(s.applications.id, app.value.id));
    const packed = await updateClientPackFields(recruiter, {
      id: app.value.id,
      version: forPack!.version,
      clientSummary: `${p.name} led two platform migrations`,
      salaryExpectation: `${p.first} asks for 150k`,
    });
    expect(packed.ok, JSON.stringify(packed)).toBe(true);
    const task = await createTask(recruiter, {
      title: `Call ${p.name}`,
      details: `On ${p.phone} or ${p.email}`,
      dueAt: new Date(Date.now() + 24 * HOUR),
      ownerUserId: firm.recruiter.userId,
      candidateId,
    });
    expect(task).not.toBe("not_found");
    await syncPlan(recruiter, interviewId);
    const [current] = await db().select().from(s.applications).where(eq(s.applications.id, app.value.id));
    const moved = await moveApplication(recruiter, { id: current!.id, version: current!.version, stage: "offer", reason: `${p.first} asked to skip ahead` });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    const rejected = await moveApplication(recruiter, {
      id: current!.id,
      version: current!.version + 1,
      stage: "rejected",
      reason: `${p.name} declined by phone (${p.phone})`,
    });
    expect(rejected.ok, JSON.stringify(rejected)).toBe(true);

    // A password reset request (a reset row, a mail, a throttle bucket) and a failed sign-in (a throttle bucket, an audit row).
    signedInAs(null);
    await submit(forgotPasswordAction, formData({ email: p.email }));
    expect(await checkCredentials({ email: p.email, password: "not the password at all" }, { ip: "203.0.113.78", userAgent: "vitest" })).toMatchObject({ ok: false });

    return { candidateId, userId, membershipId: membership!.id, interviewId, applicationId: app.value.id };
  }

  /** On PostgreSQL, a reminder waiting in the job queue names the candidate too. */
  async function queueReminder(firm: TestFirm, p: ReturnType<typeof distinctivePerson>, interviewId: string) {
    const pool = database.current.pool;
    if (!pool) return false;
    const boss = new PgBoss({
      db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values) },
      schema: "pgboss",
      schedule: false,
      supervise: false,
      migrate: true,
    });
    await boss.start();
    await boss.createQueue("reminders-debrief", { name: "reminders-debrief", policy: "standard" });
    await boss.send("reminders-debrief", { firmId: firm.firmId, interviewId, candidateName: p.name, email: p.email });
    await boss.stop({ graceful: false, wait: true });
    return true;
  }

  it("leaves no copy of the candidate's name, email or phone in any column of any table", async () => {
    const p = distinctivePerson();
    // A webhook endpoint that asked for the debrief's text: its delivery log quotes the candidate.
    await createWebhookEndpoint(scopeOf(db(), a, a.admin), { url: "https://hooks.example/erasure", description: "", events: [...WEBHOOK_EVENTS], includeDebriefText: true });
    // Deliveries are attempted and refused (a private address) without leaving the machine; the log keeps them.
    setWebhookResolverForTests(async () => [{ address: "127.0.0.1", family: 4 }]);
    const ids = await seedThroughEveryFeature(a, p).finally(() => setWebhookResolverForTests(undefined));
    const queued = await queueReminder(a, p, ids.interviewId);
    const needles = [p.name, p.email, p.phone, p.first, p.last];
    // Seeded everywhere, so the search below would see a copy left behind.
    const before = await findAnywhere(db(), needles);
    for (const where of [
      "public.candidates.name",
      "public.users.email",
      "public.invitations.email",
      "public.email_outbox.text",
      "public.tasks.title",
      "public.applications.closed_reason",
      "public.application_stage_changes.reason",
      "public.debriefs.notes_for_recruiter",
      "public.debrief_versions.snapshot",
      "public.call_logs.notes",
      "public.interviewer_feedback.internal_notes",
      "public.interviewer_feedback.strengths",
      "public.interviewer_feedback.concerns",
      "public.applications.client_summary",
      "public.applications.salary_expectation",
      "public.feedback_ratings.note",
      "public.auth_sessions.user_agent",
      "public.webhook_deliveries.payload",
      "public.throttles.key",
      ...(queued ? ["pgboss.job.data"] : []),
    ]) {
      expect(before.some((h) => h.startsWith(`${where} `)), `${where} in ${before.join(", ")}`).toBe(true);
    }

    // The export, before erasure, holds the mail and the audit log about them.
    const admin = scopeOf(db(), a, a.admin);
    const exported = await exportCandidateData(admin, db(), ids.candidateId);
    expect(exported).not.toBeNull();
    const mailTo = exported!.outbox.map((m) => m.to);
    expect(mailTo).toContain(p.email);
    expect(mailTo).toContain(a.recruiter.email);
    expect(exported!.outbox.some((m) => m.dedupeKey?.startsWith("debrief-submitted:") && m.text.includes(p.phone))).toBe(true);
    expect(exported!.outbox.some((m) => m.dedupeKey?.startsWith("repeat-call:"))).toBe(true);
    const actions = exported!.auditEvents.map((e) => e.action);
    for (const action of ["candidate.create", "candidate.update", "application.stage", "interview.create", "invitation.create", "invitation.accept", "feedback.recorded", "task.create", "signin.failure"]) {
      expect(actions, action).toContain(action);
    }
    expect(exported!.sessions.map((x) => x.id).length).toBeGreaterThan(0);
    expect(exported!.passwordResets.length).toBe(1);
    expect(exported!.memberships.map((m) => m.id)).toEqual([ids.membershipId]);
    expect(exported!.tasks.length).toBeGreaterThan(1);
    expect(exported!.interviewParticipants).toHaveLength(1);
    // The webhook message about their debrief, with its text (the endpoint asked for it).
    expect(exported!.webhookDeliveries.some((d) => d.eventType === "debrief.submitted" && JSON.stringify(d.payload).includes(p.phone))).toBe(true);

    signedInAs(await sessionFor(db(), a, a.admin));
    const erased = await submit(eraseCandidateAction, formData({ candidateId: ids.candidateId, confirmName: p.name }));
    expect(erased.ok, JSON.stringify(erased)).toBe(true);
    signedInAs(null);

    expect(await findAnywhere(db(), needles)).toEqual([]);

    // The account had no other firm: gone, with its sessions and resets; its sign-in fails.
    expect(await db().select().from(s.users).where(eq(s.users.id, ids.userId))).toEqual([]);
    expect(await db().select().from(s.authSessions).where(eq(s.authSessions.userId, ids.userId))).toEqual([]);
    expect(await checkCredentials({ email: p.email, password: PASSWORD }, { ip: null, userAgent: null })).toEqual({ ok: false, reason: "invalid" });
    // Counts stay: the candidate, application, stage history, interview and feedback rows are kept.
    const [app] = await db().select().from(s.applications).where(eq(s.applications.id, ids.applicationId));
    expect(app?.stage).toBe("rejected");
    const history = await db().select().from(s.applicationStageChanges).where(eq(s.applicationStageChanges.applicationId, ids.applicationId));
    expect(history.length).toBeGreaterThanOrEqual(3);
    // The audit rows keep ids and actions, and name what happened without personal values.
    const audit = await db()
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.entityId, ids.candidateId)));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["candidate.create", "candidate.update", "candidate.export", "candidate.erase"]));
    expect(audit.find((e) => e.action === "candidate.erase")?.changes).toEqual({ basis: "request" });
    expect(audit.every((e) => e.ip === null)).toBe(true);
  });

  it("keeps the account, and the other firm's records, of a candidate who also belongs to another firm", async () => {
    const p = distinctivePerson();
    const ids = await seedThroughEveryFeature(a, p);
    // Firm B has the same person as a candidate, invited and signed in there too.
    const inB = await createCandidate(scopeOf(db(), b, b.recruiter), {
      name: p.name,
      email: p.email,
      phone: p.phone,
      location: "",
      headline: "",
      notes: "",
      ownerUserId: b.recruiter.userId,
    });
    if (!inB.ok) throw new Error(JSON.stringify(inB));
    signedInAs(await sessionFor(db(), b, b.admin));
    expect((await submit(inviteCandidateAction, formData({ candidateId: inB.value.id }))).ok).toBe(true);
    const [mail] = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.firmId, b.firmId), eq(s.emailOutbox.to, p.email)));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const joined = await unsafeAcceptInvitationForUser(db(), { tokenHash: hashToken(token), userId: ids.userId });
    expect(joined?.userId).toBe(ids.userId);
    const sessionB = await unsafeCreateAuthSession(db(), { userId: ids.userId, firmId: b.firmId, absoluteHours: 12 });

    signedInAs(await sessionFor(db(), a, a.admin));
    const erased = await submit(eraseCandidateAction, formData({ candidateId: ids.candidateId, confirmName: p.name }));
    expect(erased.ok, JSON.stringify(erased)).toBe(true);
    signedInAs(null);

    // Firm A holds nothing of them any more; firm B's records and the person's account are untouched.
    const [user] = await db().select().from(s.users).where(eq(s.users.id, ids.userId));
    expect(user?.email).toBe(p.email.toLowerCase());
    const memberships = await db().select().from(s.memberships).where(eq(s.memberships.userId, ids.userId));
    expect(memberships.map((m) => [m.firmId, m.status])).toEqual([[b.firmId, "active"]]);
    const sessions = await db().select().from(s.authSessions).where(eq(s.authSessions.userId, ids.userId));
    expect(sessions.map((x) => x.id)).toEqual([sessionB.id]);
    const [candB] = await db().select().from(s.candidates).where(eq(s.candidates.id, inB.value.id));
    expect(candB).toMatchObject({ name: p.name, email: p.email, phone: p.phone, anonymizedAt: null });
    const signIn = await checkCredentials({ email: p.email, password: PASSWORD }, { ip: null, userAgent: null });
    expect(signIn).toMatchObject({ ok: true, user: { fid: b.firmId } });

    const [candA] = await db().select().from(s.candidates).where(eq(s.candidates.id, ids.candidateId));
    expect(candA?.anonymizedAt).not.toBeNull();
    const leftInA = (await findAnywhere(db(), [p.name, p.email, p.phone])).filter((h) => h.startsWith("public."));
    // What remains is firm B's (its candidate, invitation and mail) and the account: no row of firm A.
    for (const table of ["candidates", "invitations", "email_outbox", "audit_events", "tasks", "debriefs", "call_logs", "applications", "report_rollups", "report_rollup_marks", "report_rollup_state", "report_rollup_totals", "report_rollup_values", "report_rollup_medians", "report_rollup_period_totals", "report_rollup_period_medians"]) {
      const rows = (await db().execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where firm_id = ${a.firmId} and position(${p.email.toLowerCase()} in lower(${sql.identifier(table)}::text)) > 0`,
      )) as unknown as { rows: { n: number }[] };
      expect(rows.rows[0]!.n, `${table} of firm A`).toBe(0);
    }
    expect(leftInA.length).toBeGreaterThan(0);
  });
});
