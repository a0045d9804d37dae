import { and, desc, eq, gt, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { answerFeedbackLinkAction } from "@/app/(client)/feedback/[token]/actions";
import { confirmLinkDecisionAction, requestFeedbackAction, revokeFeedbackLinkAction } from "@/app/(staff)/interviews/feedback-link-actions";
import { listQueueItems } from "@/db/queries/dashboard";
import { feedbackLinkState, listInterviewerLinks } from "@/db/queries/feedback-links";
import { accessFeedbackLink, LINK_RATE } from "@/lib/auth/feedback-link-access";
import { hashToken } from "@/lib/auth/tokens";
import { REDACTED, resetMailTransport } from "@/lib/email/send";
import { openLinkForm } from "@/lib/feedback-links/answer-link";
import { runRemindersOnce } from "@/lib/jobs/reminders";
import { resetEnvCache } from "@/lib/platform/env";
import { syncPlan } from "@/lib/plans/sync";
import { submit } from "../helpers/actions";
import { signedInAs, testContext } from "../helpers/context";
import { formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { useTwoFirms } from "../helpers/firms";
import { insertEndedInterview } from "../helpers/interviews";
import { startSmtp } from "../helpers/smtp";

const DAY = 86_400_000;

/**
 * Feedback links: a recruiter asks the client's interviewers for feedback by
 * mail; the link alone opens a one-page scorecard; the answer lands as that
 * interviewer's feedback; a decision in it waits for a recruiter's
 * confirmation. And every way a link can be misused is refused without
 * changing anything.
 */
describe("feedback links", () => {
  const { db, firms } = useTwoFirms({ requests: true });
  const { a, b } = firms;
  let interviewId: string;
  let secondContactId: string;
  let attributeId: string;

  /** The link in the newest mail to `to` (the local outbox keeps it: it is the mail channel without SMTP). */
  async function tokenMailedTo(to: string, since = new Date(0)): Promise<string> {
    const [mail] = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.to, to), gt(s.emailOutbox.createdAt, since)))
      .orderBy(desc(s.emailOutbox.createdAt));
    const token = /\/feedback\/([A-Za-z0-9_-]{20,})/.exec(mail?.text ?? "")?.[1];
    expect(token, `a feedback link mailed to ${to}`).toBeTruthy();
    return token!;
  }

  async function requestAs(firm: TestFirm, who: "recruiter" | "admin", fields: Record<string, string>) {
    signedInAs(await sessionFor(db(), firm, firm[who]));
    const r = await submit(requestFeedbackAction, formData(fields));
    signedInAs(null);
    return r;
  }

  function answer(token: string, contactId: string, over: Record<string, string> = {}) {
    return submit(
      answerFeedbackLinkAction,
      formData({
        token,
        contactId,
        recommendation: "strong_yes",
        strengths: "Clear thinking about trade-offs",
        concerns: "Little on-call experience",
        decision: "offer",
        expectedDecisionOn: "",
        [`rating.${attributeId}`]: "yes",
        ...over,
      }),
    );
  }

  const feedbackRows = (iv: string) => db().select().from(s.interviewerFeedback).where(eq(s.interviewerFeedback.interviewId, iv));
  const linkRows = (iv: string) => db().select().from(s.feedbackLinks).where(eq(s.feedbackLinks.interviewId, iv));

  /** What a misuse must leave as it was. */
  async function snapshot() {
    const [feedback, links, audit] = await Promise.all([
      db().select().from(s.interviewerFeedback),
      db().select().from(s.feedbackLinks),
      db().select({ id: s.auditEvents.id }).from(s.auditEvents),
    ]);
    return { feedback: feedback.length, answered: links.filter((l) => l.answeredAt).map((l) => l.id).sort(), audit: audit.length };
  }

  beforeAll(async () => {
    // Ended a week ago: the client's feedback is late.
    interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 24 * 7 });
    const [second] = await db()
      .insert(s.contacts)
      .values({ firmId: a.firmId, clientId: a.clientId, name: "Omar Observer", title: "Staff Engineer", email: `omar@${a.slug}.example` })
      .returning({ id: s.contacts.id });
    secondContactId = second!.id;
    await db().insert(s.interviewParticipants).values({ firmId: a.firmId, interviewId, contactId: secondContactId });
    const [attr] = await db()
      .insert(s.scorecardAttributes)
      .values([
        { firmId: a.firmId, category: "Skills", name: "System design", position: 0 },
        { firmId: a.firmId, category: "Team", name: "Communication", position: 1 },
      ])
      .returning({ id: s.scorecardAttributes.id });
    attributeId = attr!.id;
    await syncPlan(scopeOf(db(), a, a.recruiter), interviewId);
  });

  afterAll(() => {
    testContext.headers = {};
    signedInAs(null);
  });

  it("mails one link to each interviewer; only the token's hash is stored, and the mail has text and HTML parts", async () => {
    const r = await requestAs(a, "recruiter", { interviewId, contactId: "all" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.message).toMatch(/Ines Interviewer and Omar Observer/);
    const links = await linkRows(interviewId);
    expect(links.map((l) => l.contactId).sort()).toEqual([a.contactId, secondContactId].sort());
    const [mail] = await db().select().from(s.emailOutbox).where(eq(s.emailOutbox.dedupeKey, `feedback-link:${links.find((l) => l.contactId === a.contactId)!.id}`));
    expect(mail!.to).toBe(`ines@${a.slug}.example`);
    expect(mail!.subject).toContain("Your feedback on");
    expect(mail!.html).toContain("<a href=");
    const token = await tokenMailedTo(mail!.to);
    expect(mail!.html).toContain(`/feedback/${token}`);
    const link = links.find((l) => l.contactId === a.contactId)!;
    expect(link.tokenHash).toBe(hashToken(token));
    // 14 days by default.
    expect(Math.round((link.expiresAt.getTime() - link.createdAt.getTime()) / DAY)).toBe(14);
    const audit = await db().select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "feedback_link.sent"), eq(s.auditEvents.entityId, interviewId)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).not.toContain(token);
  });

  it("opens with no session, shows only the candidate's name, the job, the interview's date and the scorecard, and counts as opened", async () => {
    const token = await tokenMailedTo(`ines@${a.slug}.example`);
    const access = await accessFeedbackLink(token, { ip: null });
    expect(access.status).toBe("open");
    if (access.status !== "open") return;
    expect(access.firmName).toBe("Firm A");
    const form = await openLinkForm(access);
    expect(Object.keys(form!).sort()).toEqual(["attributes", "candidateName", "clientName", "contactName", "endsAt", "jobTitle", "startsAt", "status"]);
    expect(form!.contactName).toBe("Ines Interviewer");
    expect(form!.attributes.map((x) => x.id)).toContain(attributeId);
    const [link] = (await linkRows(interviewId)).filter((l) => l.contactId === a.contactId);
    expect(link!.openedAt).not.toBeNull();
    // The queue says so beside the late feedback.
    const queue = await listQueueItems(scopeOf(db(), a, a.recruiter), { view: "everyone" });
    const late = queue.find((i) => i.kind === "feedback_overdue" && i.interviewId === interviewId);
    expect(late?.linkState).toBe("opened");
  });

  it("asks again next to the field, keeping what was typed, when the answer is incomplete", async () => {
    const token = await tokenMailedTo(`ines@${a.slug}.example`);
    const r = await answer(token, a.contactId, { recommendation: "", strengths: "Kept this", expectedDecisionOn: "2026-02-30" });
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.recommendation?.[0]).toMatch(/recommendation/);
    expect(r.values?.strengths).toBe("Kept this");
    expect(await feedbackRows(interviewId)).toHaveLength(0);
  });

  it("stores the answer as that interviewer's feedback, through the link, with its audit row, the feedback step done and the queue updated", async () => {
    const token = await tokenMailedTo(`ines@${a.slug}.example`);
    const before = await db().select().from(s.applications).where(eq(s.applications.id, a.applicationId));
    const r = await answer(token, a.contactId);
    expect(r.redirect).toBe(`/feedback/${token}?sent=1`);
    const [fb] = await feedbackRows(interviewId);
    expect(fb).toMatchObject({
      contactId: a.contactId,
      channel: "link",
      recommendation: "strong_yes",
      strengths: "Clear thinking about trade-offs",
      concerns: "Little on-call experience",
      proposedDecision: "offer",
      decision: null,
      recordedBy: null,
    });
    const ratings = await db().select().from(s.feedbackRatings).where(eq(s.feedbackRatings.feedbackId, fb!.id));
    expect(ratings.map((x) => [x.attributeId, x.rating])).toEqual([[attributeId, "yes"]]);
    const [audit] = await db().select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "feedback.recorded_through_link"), eq(s.auditEvents.entityId, fb!.id)));
    expect(audit?.actorUserId).toBeNull();
    expect(audit?.changes).toMatchObject({ contactId: a.contactId, proposedDecision: "offer" });
    const [task] = await db()
      .select()
      .from(s.tasks)
      .where(and(eq(s.tasks.interviewId, interviewId), eq(s.tasks.policyKey, "collect_feedback")));
    expect(task?.state).toBe("done");
    const [queued] = await db().select().from(s.interviewQueue).where(eq(s.interviewQueue.interviewId, interviewId));
    expect(queued?.feedbackAwaited).toBe(false);
    // Only a recommendation until a recruiter confirms it: the application stays where it was.
    const after = await db().select().from(s.applications).where(eq(s.applications.id, a.applicationId));
    expect(after[0]!.stage).toBe(before[0]!.stage);
  });

  it("then shows the thank-you, and a replayed submission changes nothing", async () => {
    const token = await tokenMailedTo(`ines@${a.slug}.example`);
    expect((await accessFeedbackLink(token, { ip: null })).status).toBe("answered");
    const was = await snapshot();
    const replay = await answer(token, a.contactId, { decision: "reject" });
    expect(replay.data?.refused).toBe(true);
    expect(await snapshot()).toEqual(was);
  });

  it("lets a recruiter confirm the recommended decision as the client's with one click, which moves the application", async () => {
    const [fb] = await feedbackRows(interviewId);
    const [app] = await db().select().from(s.applications).where(eq(s.applications.id, a.applicationId));
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const r = await submit(
      confirmLinkDecisionAction,
      formData({ interviewId, feedbackId: fb!.id, version: String(fb!.version), seenStage: app!.stage, seenStageAt: app!.stageChangedAt.toISOString() }),
    );
    signedInAs(null);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const [confirmed] = await feedbackRows(interviewId);
    expect(confirmed!.decision).toBe("offer");
    const [moved] = await db().select().from(s.applications).where(eq(s.applications.id, a.applicationId));
    expect(moved!.stage).toBe("offer");
  });

  it("refuses a revoked link, an expired one (naming only the firm), and another firm's, changing nothing", async () => {
    const omarToken = await tokenMailedTo(`omar@${a.slug}.example`);
    const [omarLink] = (await linkRows(interviewId)).filter((l) => l.contactId === secondContactId);
    // Expired: the page names the firm and nothing else.
    await db().update(s.feedbackLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(s.feedbackLinks.id, omarLink!.id));
    expect(await accessFeedbackLink(omarToken, { ip: null })).toEqual({ status: "closed", firmName: "Firm A", reason: "expired" });
    let was = await snapshot();
    expect((await answer(omarToken, secondContactId)).data?.refused).toBe(true);
    expect(await snapshot()).toEqual(was);
    await db().update(s.feedbackLinks).set({ expiresAt: new Date(Date.now() + DAY) }).where(eq(s.feedbackLinks.id, omarLink!.id));

    // Revoked by a recruiter.
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const revoked = await submit(revokeFeedbackLinkAction, formData({ interviewId, linkId: omarLink!.id }));
    signedInAs(null);
    expect(revoked.ok, JSON.stringify(revoked)).toBe(true);
    expect(await accessFeedbackLink(omarToken, { ip: null })).toEqual({ status: "closed", firmName: "Firm A", reason: "revoked" });
    was = await snapshot();
    expect((await answer(omarToken, secondContactId)).data?.refused).toBe(true);
    expect(await snapshot()).toEqual(was);

    // Firm B's link, with firm A's interviewer in the form: refused; it answers only for firm B's own interviewer.
    const bInterview = await insertEndedInterview(db(), b, { endedHoursAgo: 5 });
    expect((await requestAs(b, "recruiter", { interviewId: bInterview, contactId: b.contactId })).ok).toBe(true);
    const bToken = await tokenMailedTo(`ines@${b.slug}.example`);
    const bAccess = await accessFeedbackLink(bToken, { ip: null });
    expect(bAccess.status === "open" && bAccess.firmName).toBe("Firm B");
    was = await snapshot();
    expect((await answer(bToken, a.contactId)).data?.refused).toBe(true);
    expect(await snapshot()).toEqual(was);
    // Unknown and malformed tokens.
    for (const t of ["x".repeat(43), "short", "../../etc/passwd"]) expect((await accessFeedbackLink(t, { ip: null })).status).toBe("refused");
    expect((await answer("y".repeat(43), a.contactId)).data?.refused).toBe(true);
    expect(await snapshot()).toEqual(was);
  });

  it("binds a link to its interview and interviewer: a forged contact id is refused, and the answer never lands elsewhere", async () => {
    const other = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    expect((await requestAs(a, "recruiter", { interviewId: other, contactId: a.contactId })).ok).toBe(true);
    const token = await tokenMailedTo(`ines@${a.slug}.example`, new Date(Date.now() - 5000));
    const was = await snapshot();
    expect((await answer(token, secondContactId)).data?.refused).toBe(true);
    expect(await snapshot()).toEqual(was);
    const r = await answer(token, a.contactId, { decision: "", recommendation: "yes" });
    expect(r.redirect).toMatch(/\?sent=1$/);
    expect(await feedbackRows(other)).toHaveLength(1);
    expect(await feedbackRows(interviewId)).toHaveLength(1);
  });

  it("refuses requests that cannot work, next to the interviewer field", async () => {
    const upcoming = await insertEndedInterview(db(), a, { endedHoursAgo: -48, status: "scheduled" });
    const early = await requestAs(a, "recruiter", { interviewId: upcoming, contactId: a.contactId });
    expect(early.ok).toBe(false);
    expect(early.fieldErrors?.contactId?.[0]).toMatch(/has not ended/);
    const [noEmail] = await db()
      .insert(s.contacts)
      .values({ firmId: a.firmId, clientId: a.clientId, name: "Nadia Nomail", email: null })
      .returning({ id: s.contacts.id });
    const iv = await insertEndedInterview(db(), a, { endedHoursAgo: 2 });
    await db().insert(s.interviewParticipants).values({ firmId: a.firmId, interviewId: iv, contactId: noEmail!.id });
    const none = await requestAs(a, "recruiter", { interviewId: iv, contactId: noEmail!.id });
    expect(none.fieldErrors?.contactId?.[0]).toMatch(/no email address/);
    // Someone not on this interview.
    const stranger = await requestAs(a, "recruiter", { interviewId: iv, contactId: b.contactId });
    expect(stranger.ok).toBe(false);
    expect(await linkRows(iv)).toHaveLength(0);
  });

  it("makes links that work for as many days as the firm set", async () => {
    await db().update(s.firms).set({ feedbackLinkDays: 3 }).where(eq(s.firms.id, a.firmId));
    const iv = await insertEndedInterview(db(), a, { endedHoursAgo: 6 });
    expect((await requestAs(a, "recruiter", { interviewId: iv, contactId: a.contactId })).ok).toBe(true);
    const [link] = await linkRows(iv);
    expect(Math.round((link!.expiresAt.getTime() - link!.createdAt.getTime()) / DAY)).toBe(3);
    await db().update(s.firms).set({ feedbackLinkDays: 14 }).where(eq(s.firms.id, a.firmId));
  });

  it("lets no candidate, signed-out person or other firm's admin request, revoke or confirm", async () => {
    const [link] = await linkRows(interviewId);
    const [fb] = await feedbackRows(interviewId);
    const was = { links: (await db().select().from(s.feedbackLinks)).length, ...(await snapshot()) };
    for (const who of [null, { firm: a, person: a.candidateUser }, { firm: b, person: b.admin }] as const) {
      signedInAs(who ? await sessionFor(db(), who.firm, who.person) : null);
      expect((await submit(requestFeedbackAction, formData({ interviewId, contactId: "all" }))).ok).toBe(false);
      expect((await submit(revokeFeedbackLinkAction, formData({ interviewId, linkId: link!.id }))).ok).toBe(false);
      const c = await submit(confirmLinkDecisionAction, formData({ interviewId, feedbackId: fb!.id, version: "1", seenStage: "offer", seenStageAt: new Date().toISOString() }));
      expect(c.ok).toBe(false);
    }
    signedInAs(null);
    expect({ links: (await db().select().from(s.feedbackLinks)).length, ...(await snapshot()) }).toEqual(was);
  });

  it("limits openings per link and per address", async () => {
    const iv = await insertEndedInterview(db(), a, { endedHoursAgo: 4 });
    expect((await requestAs(a, "admin", { interviewId: iv, contactId: a.contactId })).ok).toBe(true);
    const token = await tokenMailedTo(`ines@${a.slug}.example`, new Date(Date.now() - 5000));
    const now = new Date();
    for (let i = 0; i < LINK_RATE.perToken; i++) expect((await accessFeedbackLink(token, { ip: null, now })).status).toBe("open");
    expect((await accessFeedbackLink(token, { ip: null, now })).status).toBe("rate_limited");
    // Guessing tokens from one address runs out too; another address is unaffected.
    let last = "";
    for (let i = 0; i <= LINK_RATE.perAddress; i++) last = (await accessFeedbackLink(`guess${i}`.padEnd(43, "z"), { ip: "203.0.113.9", now })).status;
    expect(last).toBe("rate_limited");
    expect((await accessFeedbackLink("q".repeat(43), { ip: "203.0.113.10", now })).status).toBe("refused");
  });

  it("sends the interviewer one reminder, with a link of its own, once the promised decision day has passed; never a second", async () => {
    // Its own application, so no later round of another test hides the late decision.
    const [app] = await db()
      .insert(s.applications)
      .values({ firmId: a.firmId, candidateId: a.otherCandidateId, jobId: a.jobId, stage: "interviewing", recruiterUserId: a.recruiter.userId })
      .returning({ id: s.applications.id });
    const ended = new Date(Date.now() - 6 * DAY);
    const [round] = await db()
      .insert(s.interviews)
      .values({ firmId: a.firmId, applicationId: app!.id, candidateId: a.otherCandidateId, kind: "onsite", startsAt: new Date(ended.getTime() - 3_600_000), endsAt: ended, status: "completed" })
      .returning({ id: s.interviews.id });
    const iv = round!.id;
    await db().insert(s.interviewParticipants).values({ firmId: a.firmId, interviewId: iv, contactId: secondContactId });
    expect((await requestAs(a, "recruiter", { interviewId: iv, contactId: secondContactId })).ok).toBe(true);
    const first = await tokenMailedTo(`omar@${a.slug}.example`, new Date(Date.now() - 5000));
    await db().update(s.firms).set({ timeZone: "UTC" }).where(eq(s.firms.id, a.firmId));
    const now = new Date();
    now.setUTCHours(10, 0, 0, 0);
    const promised = new Date(now.getTime() - 7 * DAY).toISOString().slice(0, 10);
    // Not yet: the debrief names no date.
    await db().insert(s.debriefs).values({ firmId: a.firmId, interviewId: iv, candidateId: a.otherCandidateId, status: "submitted", timelineGiven: "yes", expectedDecisionOn: null });
    expect((await runRemindersOnce(db(), now)).clientReminders.logged).toBe(0);
    await db().update(s.debriefs).set({ expectedDecisionOn: promised }).where(eq(s.debriefs.interviewId, iv));
    // Not at night in the firm's zone.
    const night = new Date(now);
    night.setUTCHours(22);
    expect((await runRemindersOnce(db(), night)).clientReminders.logged).toBe(0);
    expect((await runRemindersOnce(db(), now)).clientReminders.logged).toBe(1);
    expect((await runRemindersOnce(db(), now)).clientReminders.logged).toBe(0);
    const reminders = await db().select().from(s.emailOutbox).where(like(s.emailOutbox.dedupeKey, "feedback-link-reminder:%"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toMatch(/^Reminder:/);
    const second = /\/feedback\/([A-Za-z0-9_-]{20,})/.exec(reminders[0]!.text)![1]!;
    expect(second).not.toBe(first);
    // Both links open the same form; one answer closes both.
    expect((await accessFeedbackLink(first, { ip: null })).status).toBe("open");
    expect((await accessFeedbackLink(second, { ip: null })).status).toBe("open");
    expect((await answer(second, secondContactId, { decision: "" })).redirect).toBeTruthy();
    expect((await accessFeedbackLink(first, { ip: null })).status).toBe("answered");
    // The promised decision is still late (a link's answer is a recommendation), and the queue says the link was answered.
    const queue = await listQueueItems(scopeOf(db(), a, a.recruiter), { view: "everyone", now });
    const late = queue.find((i) => i.kind === "decision_overdue" && i.interviewId === iv);
    expect(late?.linkState).toBe("answered");
    await db().update(s.firms).set({ timeZone: "America/New_York" }).where(eq(s.firms.id, a.firmId));
  });
});

describe("feedback link mail through SMTP", () => {
  const { db, firms } = useTwoFirms({ requests: true });
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const saved = process.env.SMTP_URL;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    resetEnvCache();
    resetMailTransport();
    return async () => {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
      resetEnvCache();
      resetMailTransport();
      await smtp.close().catch(() => undefined);
    };
  });

  it("goes out under the firm's name, and the stored copy has the token redacted", async () => {
    const a = firms.a;
    const iv = await insertEndedInterview(db(), a);
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const r = await submit(requestFeedbackAction, formData({ interviewId: iv, contactId: a.contactId }));
    signedInAs(null);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const [stored] = await db().select().from(s.emailOutbox).where(like(s.emailOutbox.dedupeKey, "feedback-link:%"));
    expect(stored!.status).toBe("sent");
    expect(stored!.text).toContain(`/feedback/${REDACTED}`);
    expect(`${stored!.text}${stored!.html}`).not.toMatch(/\/feedback\/[A-Za-z0-9_-]{20,}/);
    const [message] = smtp.received;
    expect(message!.to).toEqual([`ines@${a.slug}.example`]);
    expect(message!.body).toMatch(/^From: "?Firm A"? </m);
    expect(message!.body).toMatch(/Content-Type: text\/plain/);
    expect(message!.body).toMatch(/Content-Type: text\/html/);
    const decoded = message!.body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    const token = /\/feedback\/([A-Za-z0-9_-]{20,})/.exec(decoded)![1]!;
    const [link] = await db().select().from(s.feedbackLinks).where(eq(s.feedbackLinks.interviewId, iv));
    expect(hashToken(token)).toBe(link!.tokenHash);
  });

  it("says so beside the interviewer when the mail could not be delivered", async () => {
    const a = firms.a;
    const iv = await insertEndedInterview(db(), a);
    await smtp.close();
    resetMailTransport();
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const r = await submit(requestFeedbackAction, formData({ interviewId: iv, contactId: a.contactId }));
    signedInAs(null);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const [person] = await listInterviewerLinks(scopeOf(db(), a, a.recruiter), iv);
    expect(person!.link).not.toBeNull();
    expect(feedbackLinkState(person!.link!, new Date())).toBe("mail_failed");
  });
});
