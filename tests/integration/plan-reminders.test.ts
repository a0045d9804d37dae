import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/unsubscribe/[token]/route";
import { signUnsubscribeToken } from "@/lib/email/unsubscribe";
import { duePlanReminders } from "@/lib/jobs/plan-reminders";
import { dueDebriefReminders, runRemindersOnce } from "@/lib/jobs/reminders";
import { setPlanEmailsAction } from "@/app/(candidate)/my/profile/actions";
import { submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, sessionFor, type TestFirm } from "../helpers/fixtures";
import { addDebrief, addRound, at } from "./dashboard-data";

/**
 * The candidates' plan emails (lib/jobs/plan-reminders.ts), on a fixed clock
 * in March 2026, firms in New York (clocks go forward on Sunday 8 March).
 * Each scenario has a firm of its own, so one's mail never counts in another.
 */
describe("plan reminders: the debrief, thank-you notes due soon, the call window", () => {
  const database = useFreshDatabase();
  const db = () => database.current.db;

  beforeAll(() => {
    useDatabaseForRequests(database.current);
    return () => signedInAs(null);
  });

  /** A firm with a candidate who can sign in, and one round of theirs. */
  async function scenario(label: string, round: { startsAt: Date; arrangedByFirm?: boolean; status?: s.InterviewStatus }) {
    const firm = await createTestFirm(db(), label);
    const r = await addRound(db(), firm, { candidate: "Daniel Brooks", recruiterUserId: firm.recruiter.userId, ...round });
    const email = `daniel-${firm.slug}@test.example`;
    const [u] = await db().insert(s.users).values({ email, name: "Daniel Brooks" }).returning({ id: s.users.id });
    await db().insert(s.memberships).values({ firmId: firm.firmId, userId: u!.id, role: "candidate", candidateId: r.candidateId });
    return { firm, round: r, email };
  }

  const mailsTo = (email: string) =>
    db()
      .select({ key: s.emailOutbox.dedupeKey, subject: s.emailOutbox.subject, text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, email));

  async function setPolicy(firm: TestFirm, policy: Partial<s.FollowUpPolicySettings>) {
    await db()
      .update(s.firms)
      .set({ policy: { ...s.DEFAULT_POLICY, ...policy } })
      .where(eq(s.firms.id, firm.firmId));
  }

  /** A debrief listing people met, some of whom the candidate has already thanked. */
  async function debriefWithPeople(
    firm: TestFirm,
    round: { interviewId: string; candidateId: string },
    people: { name: string; sent: boolean }[],
    spec: Partial<typeof s.debriefs.$inferInsert> = { status: "draft", submittedVersions: 0 },
  ) {
    const d = await addDebrief(db(), firm, round, spec);
    let position = 0;
    for (const p of people) {
      await db()
        .insert(s.debriefPeople)
        .values({
          firmId: firm.firmId,
          debriefId: d.id,
          position: position++,
          name: p.name,
          email: `${p.name.split(" ")[0]!.toLowerCase()}@client.example`,
          thankYouSent: p.sent,
          thankYouSentAt: p.sent ? at("2026-03-02T22:00:00Z") : null,
          thankYouChannel: p.sent ? "email" : null,
        });
    }
    return d;
  }

  it("sends no debrief reminder for an interview the firm did not arrange (the plan sets no deadline)", async () => {
    // Tue 3 Mar, 10:00–11:00 ET; two days later the debrief is still missing.
    const { email } = await scenario("own", { startsAt: at("2026-03-03T15:00:00Z"), arrangedByFirm: false });
    const later = at("2026-03-05T16:00:00Z");
    expect(await dueDebriefReminders(db(), later)).toEqual([]);
    await runRemindersOnce(db(), later);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("reminds about a missing debrief after the firm's own hours, once", async () => {
    // Mon 2 Mar, 09:00–10:00 ET; the firm gives 48 hours: due Wed 4 Mar, 10:00 ET.
    const { firm, round, email } = await scenario("hours", { startsAt: at("2026-03-02T14:00:00Z") });
    await setPolicy(firm, { debriefWithinHours: 48 });
    // 30 hours after the end (Tue 16:00 ET): a fixed 24 hours would have nagged already.
    const at30 = at("2026-03-03T21:00:00Z");
    expect(await dueDebriefReminders(db(), at30)).toEqual([]);
    await runRemindersOnce(db(), at30);
    expect(await mailsTo(email)).toEqual([]);
    // 49 hours after (Wed 11:00 ET): due, and sent once.
    const at49 = at("2026-03-04T16:00:00Z");
    expect((await dueDebriefReminders(db(), at49)).map((j) => j.interviewId)).toEqual([round.interviewId]);
    const pass = await runRemindersOnce(db(), at49);
    expect(pass.debriefReminders.logged).toBe(1);
    const again = await runRemindersOnce(db(), at("2026-03-04T17:00:00Z"));
    expect(again.debriefReminders.logged + again.debriefReminders.duplicate).toBe(0);
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.key)).toEqual([`debrief-reminder:${round.interviewId}`]);
    expect(mails[0]!.text).toContain("Your debrief for Firm HOURS is still missing.");
    expect(mails[0]!.text).toMatch(/http:\/\/localhost:3000\/unsubscribe\/[\w-]+\.[\w-]+/);
  });

  it("reminds about unticked thank-you notes a few hours before they are due, once, and names only those", async () => {
    // Mon 2 Mar, 13:00–14:00 ET: notes due Tue 3 Mar 14:00 ET (24 h); the mail may go from 10:00 ET.
    const { firm, round, email } = await scenario("notes", { startsAt: at("2026-03-02T18:00:00Z") });
    await debriefWithPeople(firm, round, [
      { name: "Ines Interviewer", sent: false },
      { name: "Tom Thanked", sent: true },
    ]);
    // Tue 09:00 ET, five hours before: not yet.
    await runRemindersOnce(db(), at("2026-03-03T14:00:00Z"));
    expect(await mailsTo(email)).toEqual([]);
    // Tue 10:30 ET: one mail, naming the note not yet ticked.
    const pass = await runRemindersOnce(db(), at("2026-03-03T15:30:00Z"));
    expect(pass.planReminders.logged).toBe(1);
    const [mail, ...rest] = await mailsTo(email);
    expect(rest).toEqual([]);
    expect(mail!.key).toBe(`plan-reminder:${round.interviewId}:thank_you`);
    expect(mail!.subject).toBe(`Your thank-you note for Client of ${firm.slug} is due soon`);
    expect(mail!.text).toContain("to Ines Interviewer after the Platform Engineer interview is due by Tue 3 Mar, 14:00 (New York time)");
    expect(mail!.text).not.toContain("Tom");
    expect(mail!.text).toContain(`http://localhost:3000/my/plan/${round.interviewId}`);
    // Later passes, including two at once, send nothing more.
    await Promise.all([runRemindersOnce(db(), at("2026-03-03T16:00:00Z")), runRemindersOnce(db(), at("2026-03-03T16:00:00Z"))]);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it("sends nothing about notes already ticked", async () => {
    const { firm, round, email } = await scenario("ticked", { startsAt: at("2026-03-02T18:00:00Z") });
    const d = await debriefWithPeople(firm, round, [{ name: "Ines Interviewer", sent: false }]);
    // The candidate ticks the note before the reminder's hour.
    await db().update(s.debriefPeople).set({ thankYouSent: true, thankYouSentAt: at("2026-03-03T13:00:00Z"), thankYouChannel: "email" }).where(eq(s.debriefPeople.debriefId, d.id));
    await runRemindersOnce(db(), at("2026-03-03T15:30:00Z"));
    expect(await mailsTo(email)).toEqual([]);
  });

  it("mails the morning the one allowed call opens, once, in the firm's zone", async () => {
    // Mon 2 Mar; a decision promised by Fri 6 Mar: the call is allowed on the
    // 3rd business day after, Wed 11 Mar, from 09:00 New York time (EDT by then).
    const { firm, round, email } = await scenario("call", { startsAt: at("2026-03-02T15:00:00Z") });
    await addDebrief(db(), firm, round, {
      submittedAt: at("2026-03-02T22:00:00Z"),
      firstSubmittedAt: at("2026-03-02T22:00:00Z"),
      expectedDecisionOn: "2026-03-06",
      callInvitation: "none",
    });
    const calls = async (now: Date) => (await duePlanReminders(db(), now)).filter((j) => j.kind === "call" && j.interviewId === round.interviewId);
    // The day before, and 07:30 EDT on the day (11:30 UTC; still 06:30 in winter time): not yet.
    expect(await calls(at("2026-03-10T14:00:00Z"))).toEqual([]);
    expect(await calls(at("2026-03-11T11:30:00Z"))).toEqual([]);
    // 08:30 EDT: the morning mail.
    const morning = at("2026-03-11T12:30:00Z");
    expect(await calls(morning)).toHaveLength(1);
    await runRemindersOnce(db(), morning);
    await runRemindersOnce(db(), at("2026-03-11T14:00:00Z"));
    const mails = (await mailsTo(email)).filter((m) => m.key === `plan-reminder:${round.interviewId}:call`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Your one call about the Client of ${firm.slug} interview`);
    expect(mails[0]!.text).toContain("allows one call to the interviewer, from Wed 11 Mar, 09:00 (New York time) until 17:00.");
    expect(mails[0]!.text).toContain("One call only");
  });

  it("sends none of them when the firm turned candidate emails off", async () => {
    const { firm, round, email } = await scenario("off", { startsAt: at("2026-03-02T18:00:00Z") });
    await debriefWithPeople(firm, round, [{ name: "Ines Interviewer", sent: false }]);
    await db().update(s.firms).set({ candidateReminders: false }).where(eq(s.firms.id, firm.firmId));
    await runRemindersOnce(db(), at("2026-03-03T15:30:00Z")); // notes due soon
    await runRemindersOnce(db(), at("2026-03-04T16:00:00Z")); // debrief overdue
    expect(await mailsTo(email)).toEqual([]);
  });

  it("unsubscribes by POST, never by GET, and then sends nothing", async () => {
    const { firm, round, email } = await scenario("unsub", { startsAt: at("2026-03-02T18:00:00Z") });
    await debriefWithPeople(firm, round, [{ name: "Ines Interviewer", sent: false }]);
    const token = signUnsubscribeToken({ firmId: firm.firmId, candidateId: round.candidateId });
    const offAt = async () =>
      (await db().select({ off: s.candidates.planEmailsOffAt }).from(s.candidates).where(eq(s.candidates.id, round.candidateId)))[0]!.off;
    const params = (t: string) => ({ params: Promise.resolve({ token: t }) });
    const url = `http://localhost:3000/unsubscribe/${token}`;

    // A mail scanner opening the link: a page with a button, nothing changed.
    const page = await unsubscribeGet(new Request(url), params(token));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<form method="post" action="/unsubscribe/${token}">`);
    expect(html).toContain("<button type=\"submit\">Stop these emails</button>");
    expect(await offAt()).toBeNull();

    // A forged or altered link: a plain 400, by GET or POST, nothing changed.
    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    for (const t of [forged, "nonsense", `${token}.x`]) {
      expect((await unsubscribeGet(new Request(url), params(t))).status).toBe(400);
      expect((await unsubscribePost(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }), params(t))).status).toBe(400);
    }
    expect(await offAt()).toBeNull();

    // The one-click POST (RFC 8058): off.
    const done = await unsubscribePost(
      new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      params(token),
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Plan emails stopped");
    expect(await offAt()).toBeInstanceOf(Date);
    const [audit] = await db()
      .select({ action: s.auditEvents.action })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityId, round.candidateId));
    expect(audit?.action).toBe("candidate.plan_emails_off");

    await runRemindersOnce(db(), at("2026-03-03T15:30:00Z"));
    await runRemindersOnce(db(), at("2026-03-04T16:00:00Z"));
    expect(await mailsTo(email)).toEqual([]);
    // Nobody else's mail was stopped by it: another firm's candidate is unaffected.
    expect(await db().select({ k: s.emailOutbox.dedupeKey }).from(s.emailOutbox).where(like(s.emailOutbox.dedupeKey, `plan-reminder:${round.interviewId}:%`))).toEqual([]);
  });

  it("sends no reminder for a step the recruiter skipped", async () => {
    const { firm, round, email } = await scenario("skipped", { startsAt: at("2026-03-02T18:00:00Z") });
    await db().insert(s.tasks).values({
      firmId: firm.firmId,
      title: "File your debrief",
      ownerKind: "candidate",
      interviewId: round.interviewId,
      candidateId: round.candidateId,
      policyKey: "debrief",
      state: "skipped",
    });
    await runRemindersOnce(db(), at("2026-03-04T16:00:00Z")); // 24 h after the end: overdue in the plan
    expect(await mailsTo(email)).toEqual([]);
  });

  it("lets the candidate turn them back on (and off) in their profile", async () => {
    const firm = await createTestFirm(db(), "profile");
    const offAt = async () =>
      (await db().select({ off: s.candidates.planEmailsOffAt }).from(s.candidates).where(eq(s.candidates.id, firm.candidateId)))[0]!.off;
    await db().update(s.candidates).set({ planEmailsOffAt: at("2026-03-01T12:00:00Z") }).where(eq(s.candidates.id, firm.candidateId));
    signedInAs(await sessionFor(db(), firm, firm.candidateUser));
    const on = await submit(setPlanEmailsAction, formData({ on: "on" }));
    expect(on.ok, JSON.stringify(on)).toBe(true);
    expect(on.message).toBe("Plan emails are on.");
    expect(await offAt()).toBeNull();
    const off = await submit(setPlanEmailsAction, formData({ on: "off" }));
    expect(off.ok, JSON.stringify(off)).toBe(true);
    expect(await offAt()).toBeInstanceOf(Date);
    const bad = await submit(setPlanEmailsAction, formData({ on: "maybe" }));
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.on).toBeTruthy();
    // Staff have no such switch: the action is the candidate's own.
    signedInAs(await sessionFor(db(), firm, firm.recruiter));
    const staff = await submit(setPlanEmailsAction, formData({ on: "on" }));
    expect(staff.ok).toBe(false);
    expect(await offAt()).toBeInstanceOf(Date);
  });
});
