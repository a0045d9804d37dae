import { describe, expect, it } from "vitest";
import { listReportFilterOptions } from "@/db/queries/reports";
import * as s from "@/db/schema";
import { useTwoFirms } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

/*
 * The reports' job menu lists the chosen client's jobs, and any job already
 * named (the filter in the URL, a saved report email), never every job of a
 * firm that has thousands; and never another firm's.
 */
describe("the reports' filter menus", () => {
  const { db, firms: { a, b } } = useTwoFirms();

  it("lists a client's jobs once the client is chosen, plus the jobs already named, and only the firm's", async () => {
    const [other] = await db().insert(s.clients).values({ firmId: a.firmId, name: "Second client" }).returning({ id: s.clients.id });
    const [otherJob] = await db()
      .insert(s.jobs)
      .values({ firmId: a.firmId, clientId: other!.id, title: "Data Analyst", ownerUserId: a.recruiter.userId })
      .returning({ id: s.jobs.id });
    const admin = scopeOf(db(), a, a.admin);

    const none = await listReportFilterOptions(admin);
    expect(none.jobs).toEqual([]);
    expect(none.clients.map((c) => c.id).sort()).toEqual([a.clientId, other!.id].sort());
    expect(none.recruiters.map((r) => r.id)).toContain(a.recruiter.userId);

    const first = await listReportFilterOptions(admin, { clientId: a.clientId });
    expect(first.jobs.map((j) => j.id)).toEqual([a.jobId]);

    const named = await listReportFilterOptions(admin, { clientId: a.clientId, jobIds: [otherJob!.id, undefined, "not-an-id"] });
    expect(named.jobs.map((j) => j.title).sort()).toEqual(["Data Analyst", first.jobs[0]!.title].sort());

    // Another firm's client or job names nothing here.
    const foreign = await listReportFilterOptions(admin, { clientId: b.clientId, jobIds: [b.jobId] });
    expect(foreign.jobs).toEqual([]);
  });
});
