import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { dueDebriefReminders, dueDigests, runRemindersOnce } from "@/lib/jobs/reminders";
import { useTwoFirms } from "../helpers/firms";
import { buildQueueFixture, NOW } from "./dashboard-data";

type Fixture = Awaited<ReturnType<typeof buildQueueFixture>>;

describe("reminder jobs: the daily digest and the debrief reminder", () => {
  const { database, firms: { a, b } } = useTwoFirms();
  let f: Fixture;

  beforeAll(async () => {
    const db = database.current.db;
    f = await buildQueueFixture(db, a);
    // Daniel (round B) has a sign-in, so he can be reminded about his debrief.
    const [u] = await db.insert(s.users).values({ email: `daniel-${a.slug}@test.example`, name: "Daniel Brooks" }).returning({ id: s.users.id });
    await db.insert(s.memberships).values({ firmId: a.firmId, userId: u!.id, role: "candidate", candidateId: f.B.candidateId });
  });

  const outbox = (pattern: string) =>
    database.current.db
      .select({ to: s.emailOutbox.to, subject: s.emailOutbox.subject, text: s.emailOutbox.text, key: s.emailOutbox.dedupeKey })
      .from(s.emailOutbox)
      .where(like(s.emailOutbox.dedupeKey, pattern));

  it("sends nobody a digest before 07:00 or on a weekend in the firm's zone", async () => {
    const db = database.current.db;
    expect(await dueDigests(db, new Date("2026-03-04T11:30:00Z"))).toEqual([]); // 06:30 in New York
    expect(await dueDigests(db, new Date("2026-03-07T15:00:00Z"))).toEqual([]); // Saturday
  });

  it("writes each recruiter a digest of their overdue and due-today items, once", async () => {
    const db = database.current.db;
    const first = await runRemindersOnce(db, NOW);
    // Firm A's recruiter and admin have work; firm B's two have nothing to hear about.
    expect(first.digests).toEqual({ sent: 0, logged: 2, failed: 0, duplicate: 0, empty: 2 });

    const mails = await outbox("digest:%");
    expect(mails.map((m) => m.to).sort()).toEqual([a.admin.email, a.recruiter.email].sort());
    const rita = mails.find((m) => m.to === a.recruiter.email)!;
    expect(rita.key).toBe(`digest:${a.firmId}:${a.recruiter.userId}:2026-03-04`);
    expect(rita.subject).toBe("Afterview: 6 overdue, 3 due today");
    expect(rita.text).toContain("Good morning Rita,");
    expect(rita.text).toContain("Your follow-ups at Firm A for Wednesday 4 March:");
    expect(rita.text).toContain("OVERDUE (6)");
    expect(rita.text).toContain("DUE TODAY (3)");
    expect(rita.text).toContain("- Client feedback overdue from Client of");
    expect(rita.text).toContain("- Marcus Webb has called the interviewer 2 times (rule 4)");
    expect(rita.text).toContain("- Get a decision timeline from the client (rule 1)");
    expect(rita.text).toContain(`http://localhost:3000/interviews/${f.C.interviewId}`);
    expect(rita.text).toContain("- No debrief yet from Daniel Brooks (rule 3)");
    expect(rita.text).toContain("due Wed 4 Mar, 11:00");
    // Someone else's work is not in Rita's digest.
    expect(rita.text).not.toContain("Esme");
    expect(rita.text).not.toContain("Ada's call");
    const ada = mails.find((m) => m.to === a.admin.email)!;
    expect(ada.subject).toBe("Afterview: 1 overdue, 1 due today");
    expect(ada.text).toContain("No debrief yet from Esme Ada-Owned");

    const again = await runRemindersOnce(db, new Date(NOW.getTime() + 30 * 60_000));
    expect(again.digests.logged + again.digests.sent + again.digests.duplicate).toBe(0);
    expect(await outbox("digest:%")).toHaveLength(2);
  });

  it("reminds a candidate once when the debrief is still missing a day after the interview", async () => {
    const db = database.current.db;
    // Round B ended yesterday at 11:00 ET: at 10:00 ET today it is not a day yet.
    expect((await dueDebriefReminders(db, NOW)).map((r) => r.interviewId)).toEqual([]);
    const later = new Date("2026-03-04T16:30:00Z");
    expect((await dueDebriefReminders(db, later)).map((r) => r.interviewId)).toEqual([f.B.interviewId]);
    const pass = await runRemindersOnce(db, later);
    expect(pass.debriefReminders.logged).toBe(1);
    const [mail] = await outbox("debrief-reminder:%");
    expect(mail!.to).toBe(`daniel-${a.slug}@test.example`);
    expect(mail!.subject).toMatch(/^Your debrief of the Client of .* interview$/);
    expect(mail!.text).toContain("Hello Daniel,");
    expect(mail!.text).toContain("http://localhost:3000/my/interviews");
    const again = await runRemindersOnce(db, new Date("2026-03-04T18:00:00Z"));
    expect(again.debriefReminders).toEqual({ sent: 0, logged: 0, failed: 0, duplicate: 0, empty: 0 });
    expect(await outbox("debrief-reminder:%")).toHaveLength(1);
  });

  it("does not remind a candidate who filed, or whose round was cancelled", async () => {
    const db = database.current.db;
    const due = await dueDebriefReminders(db, new Date("2026-03-05T16:00:00Z"));
    // Cora (round A) submitted hers; nobody else in the fixture has a sign-in besides Daniel, already reminded.
    expect(due).toEqual([]);
    const rows = await db
      .select({ id: s.emailOutbox.id })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.firmId, b.firmId)));
    expect(rows).toEqual([]);
  });
});
