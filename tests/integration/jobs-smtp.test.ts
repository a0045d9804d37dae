import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { resetMailTransport } from "@/lib/email/send";
import { resetEnvCache } from "@/lib/platform/env";
import { startJobs, type JobsHandle } from "@/lib/jobs";
import { useFreshDatabase } from "../helpers/db";
import { startSmtp } from "../helpers/smtp";
import { createTestFirm, type TestFirm } from "../helpers/fixtures";
import { buildQueueFixture, NOW } from "./dashboard-data";

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe("reminders through a real SMTP server, with two worker instances at once", () => {
  const database = useFreshDatabase();
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: TestFirm;
  let f: Awaited<ReturnType<typeof buildQueueFixture>>;
  let second: Database | null = null;
  const savedSmtpUrl = process.env.SMTP_URL;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    resetEnvCache();
    resetMailTransport();
    a = await createTestFirm(database.current.db, "a");
    await createTestFirm(database.current.db, "b");
    f = await buildQueueFixture(database.current.db, a);
  });

  afterAll(async () => {
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
    resetEnvCache();
    resetMailTransport();
    await second?.close();
    await smtp.close();
  });

  it("delivers exactly one digest to each recruiter with work", async () => {
    const first = database.current;
    // Two instances: on PostgreSQL two pg-boss instances on two pools of the
    // same database; on the embedded database two timers in this process
    // (one PGlite can have no second process).
    if (first.engine === "postgres") {
      second = await openDatabase({ url: first.pool!.options.connectionString!, poolMax: 4 });
    }
    const clock = () => NOW;
    const options = { clock, pollingIntervalSeconds: 0.5, schedule: false, intervalMs: 150 };
    const instances: JobsHandle[] = [
      await startJobs({ ...options, database: first }),
      await startJobs({ ...options, database: second ?? first }),
    ];
    expect(instances.map((i) => i.engine)).toEqual(first.engine === "postgres" ? ["pg-boss", "pg-boss"] : ["timer", "timer"]);
    try {
      // Both instances scan at the same moment, as two app processes would.
      await Promise.all(instances.map((i) => i.runNow()));
      await Promise.all(instances.map((i) => i.runNow()));
      const expected = [a.admin.email, a.recruiter.email].sort();
      const digests = () => smtp.received.filter((m) => m.subject.startsWith("Afterview:"));
      expect(await until(() => digests().length >= 2, 30_000)).toBe(true);
      // Give a duplicate every chance to arrive.
      await new Promise((r) => setTimeout(r, 3_000));
      await Promise.all(instances.map((i) => i.runNow()));
      await new Promise((r) => setTimeout(r, 2_000));
      const to = digests().flatMap((m) => m.to).sort();
      expect(to).toEqual(expected);
      const rita = digests().find((m) => m.to.includes(a.recruiter.email))!;
      expect(rita.subject).toBe("Afterview: 6 overdue, 3 due today");
      expect(rita.body).toContain("OVERDUE (6)");
      expect(rita.from).toBe("no-reply@afterview.local");
    } finally {
      await Promise.all(instances.map((i) => i.stop()));
    }
  });

  it("delivers a candidate's plan email once, with a one-click unsubscribe header", async () => {
    const first = database.current;
    const db = first.db;
    // Daniel (round B, no debrief yet) can sign in: his debrief reminder is due at 11:30 ET the next day.
    const email = `daniel-${a.slug}@test.example`;
    const [u] = await db.insert(s.users).values({ email, name: "Daniel Brooks" }).returning({ id: s.users.id });
    await db.insert(s.memberships).values({ firmId: a.firmId, userId: u!.id, role: "candidate", candidateId: f.B.candidateId });
    const clock = () => new Date("2026-03-04T16:30:00Z");
    const options = { clock, pollingIntervalSeconds: 0.5, schedule: false, intervalMs: 150 };
    const instances: JobsHandle[] = [
      await startJobs({ ...options, database: first }),
      await startJobs({ ...options, database: second ?? first }),
    ];
    try {
      await Promise.all(instances.map((i) => i.runNow()));
      await Promise.all(instances.map((i) => i.runNow()));
      const toDaniel = () => smtp.received.filter((m) => m.to.includes(email));
      expect(await until(() => toDaniel().length >= 1, 30_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 3_000));
      await Promise.all(instances.map((i) => i.runNow()));
      await new Promise((r) => setTimeout(r, 2_000));
      expect(toDaniel()).toHaveLength(1);
      const headers = toDaniel()[0]!.body.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
      expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\/[\w-]+\.[\w-]+>$/m);
      expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    } finally {
      await Promise.all(instances.map((i) => i.stop()));
    }
  });
});
