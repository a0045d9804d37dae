import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { insertEarlierFirm, migrationsUpTo } from "../helpers/migrations";
import * as s from "@/db/schema";
import { emptyDatabase } from "../helpers/db";

/**
 * Migration 0008 on a database that the previous release left behind: debriefs
 * written with only "asked to call" (the app wrote nothing else until now),
 * some after 0007 had mapped the rows it found. Every debrief ends in the new
 * words, the old column is gone, and an older firm's policy gets the call window.
 */

describe("migration 0008: what a debrief said about calling", () => {
  let database: Database;
  let folder: string;
  let a: { firmId: string; applicationId: string; candidateId: string };
  const debriefIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await emptyDatabase();
    folder = migrationsUpTo("0007_plan_edges");
    await migrateDatabase(database, folder);
    a = await insertEarlierFirm(database, "earlier-0007");
    // Debriefs as the previous release wrote them: asked_to_call (and call_by), nothing in call_invitation.
    const cases: [string, boolean | null, string | null, string | null][] = [
      ["askedWithDate", true, "2026-12-08", null],
      ["askedWithoutDate", true, null, null],
      ["notAsked", false, null, null],
      ["unanswered", null, null, null],
      // Mapped by 0007, then changed to "not asked" by the previous release.
      ["changedAfter0007", false, null, "on_day"],
    ];
    for (const [label, asked, callBy, before] of cases) {
      const [iv] = await database.db
        .insert(s.interviews)
        .values({
          firmId: a.firmId,
          applicationId: a.applicationId,
          candidateId: a.candidateId,
          kind: "video",
          startsAt: new Date("2026-12-04T19:00:00Z"),
          endsAt: new Date("2026-12-04T20:00:00Z"),
          status: "completed",
        })
        .returning({ id: s.interviews.id });
      const [d] = await database.db
        .insert(s.debriefs)
        .values({ firmId: a.firmId, interviewId: iv!.id, candidateId: a.candidateId, status: "draft" })
        .returning({ id: s.debriefs.id });
      await database.query(
        `update debriefs set asked_to_call = $1, call_by = $2, call_invitation = $3::call_invitation where id = $4`,
        [asked, callBy, before, d!.id],
      );
      debriefIds[label] = d!.id;
    }
    // A firm made before the call window was a setting.
    await database.query(`update firms set policy = policy - 'callWindowBusinessDays' where id = $1`, [a.firmId]);
  }, 240_000);

  afterAll(async () => {
    await database?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("starts from the previous release's columns", async () => {
    const columns = await database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'debriefs' and column_name = 'asked_to_call'`,
    );
    expect(columns).toHaveLength(1);
  });

  it("maps asked to call with a date to on_day, without to no_date, not asked to none, and drops the column", async () => {
    expect(await migrateDatabase(database, migrationsUpTo("0008_drop_asked_to_call"))).toBe(1);
    const rows = await database.query<{ id: string; call_invitation: string | null; call_by: string | null }>(
      `select id, call_invitation::text as call_invitation, call_by::text as call_by from debriefs where firm_id = $1`,
      [a.firmId],
    );
    const byLabel = Object.fromEntries(
      Object.entries(debriefIds).map(([label, id]) => [label, rows.find((r) => r.id === id)]),
    );
    expect(byLabel.askedWithDate).toMatchObject({ call_invitation: "on_day", call_by: "2026-12-08" });
    expect(byLabel.askedWithoutDate).toMatchObject({ call_invitation: "no_date", call_by: null });
    expect(byLabel.notAsked).toMatchObject({ call_invitation: "none" });
    expect(byLabel.unanswered).toMatchObject({ call_invitation: null });
    expect(byLabel.changedAfter0007).toMatchObject({ call_invitation: "none" });
    const columns = await database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'debriefs' and column_name = 'asked_to_call'`,
    );
    expect(columns).toHaveLength(0);
  });

  it("gives an older firm's policy the default call window and keeps its other numbers", async () => {
    const [firm] = await database.query<{ policy: Record<string, number> }>(`select policy from firms where id = $1`, [a.firmId]);
    expect(firm!.policy).toMatchObject({ callWindowBusinessDays: 1, callAfterBusinessDays: 3, thankYouWithinHours: 24 });
  });
});
