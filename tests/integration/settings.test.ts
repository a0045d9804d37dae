import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { updateFirmSettingsAction } from "@/app/(staff)/settings/firm/actions";
import { getFirmSettings } from "@/db/queries/firm-settings";
import { getPortalFirm } from "@/db/queries/portal";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { useFirm } from "../helpers/firms";
import { formData, scopeOf, sessionFor } from "../helpers/fixtures";

const valid = {
  version: "1",
  name: "Firm A",
  timeZone: "America/Chicago",
  holidays: "2026-12-25, 2026-12-24\n2026-12-25",
  thankYouWithinHours: "36",
  debriefWithinHours: "12",
  feedbackWithinBusinessDays: "3",
  callAfterBusinessDays: "4",
  callWindowBusinessDays: "2",
  decisionGraceBusinessDays: "1",
  timelineTaskWithinBusinessDays: "2",
  sessionIdleMinutes: "45",
  sessionAbsoluteHours: "10",
  retentionDays: "365",
};

describe("firm settings and follow-up policy", () => {
  const { database, firm: a } = useFirm("a", { requests: true });

  const firm = async () => (await database.current.db.select().from(s.firms).where(eq(s.firms.id, a.firmId)))[0]!;

  it("saves every policy number, the zone and the holidays, and records an audit event", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const r = await submit(updateFirmSettingsAction, formData(valid));
    expect(r.ok).toBe(true);
    const f = await firm();
    expect(f.policy).toEqual({
      thankYouWithinHours: 36,
      debriefWithinHours: 12,
      feedbackWithinBusinessDays: 3,
      callAfterBusinessDays: 4,
      callWindowBusinessDays: 2,
      decisionGraceBusinessDays: 1,
      timelineTaskWithinBusinessDays: 2,
    });
    expect(f.timeZone).toBe("America/Chicago");
    expect(f.holidays).toEqual(["2026-12-24", "2026-12-25"]);
    expect(f.mfaRequired).toBe(false);
    expect(f.retentionDays).toBe(365);
    expect(f.version).toBe(2);
    const audit = await database.current.db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "firm.settings.update"));
    expect(audit).toHaveLength(1);
  });

  it("refuses a stale save, keeps what was typed and names the other admin's values", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const r = await submit(updateFirmSettingsAction, formData({ ...valid, version: "1", thankYouWithinHours: "48" }));
    expect(r.ok).toBe(false);
    expect(r.formError).toMatch(/Another admin saved/);
    expect(r.formError).toMatch(/thank-you notes 36 h/);
    expect(r.values?.thankYouWithinHours).toBe("48");
    expect(r.values?.version).toBe("2");
    expect((await firm()).policy.thankYouWithinHours).toBe(36);
  });

  it("reads an older firm's policy, saved before the call window was a setting, with its default", async () => {
    const saved = (await firm()).policy;
    const { callWindowBusinessDays: _window, ...older } = saved;
    await database.current.db.update(s.firms).set({ policy: older as typeof saved }).where(eq(s.firms.id, a.firmId));
    const scope = scopeOf(database.current.db, a, a.admin);
    expect((await getFirmSettings(scope))?.policy).toMatchObject({ thankYouWithinHours: 36, callWindowBusinessDays: 1 });
    expect((await getPortalFirm(scope))?.policy.callWindowBusinessDays).toBe(1);
    await database.current.db.update(s.firms).set({ policy: saved }).where(eq(s.firms.id, a.firmId));
  });

  it("puts each bad value next to its field", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const r = await submit(
      updateFirmSettingsAction,
      formData({
        ...valid,
        version: "2",
        timeZone: "Mars/Olympus",
        holidays: "25/12/2026",
        thankYouWithinHours: "0",
        callWindowBusinessDays: "0",
        sessionIdleMinutes: "900",
      }),
    );
    expectFieldError(r, "timeZone", /time zone/);
    expectFieldError(r, "holidays", /YYYY|2026-12-25/);
    expectFieldError(r, "thankYouWithinHours", /at least 1/);
    expectFieldError(r, "callWindowBusinessDays", /The call window must be at least 1/);
    expectFieldError(r, "sessionIdleMinutes", /at most 480/);
    expect((await firm()).version).toBe(2);
  });

  it("turns the candidates' plan emails on, and off with the box unticked", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const on = await submit(updateFirmSettingsAction, formData({ ...valid, version: String((await firm()).version), candidateReminders: "on" }));
    expect(on.ok, JSON.stringify(on)).toBe(true);
    expect((await firm()).candidateReminders).toBe(true);
    const off = await submit(updateFirmSettingsAction, formData({ ...valid, version: String((await firm()).version) }));
    expect(off.ok, JSON.stringify(off)).toBe(true);
    expect((await firm()).candidateReminders).toBe(false);
  });

  it("sets how long feedback links work, from 1 to 90 days, and keeps it when the form leaves it out", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const zero = await submit(updateFirmSettingsAction, formData({ ...valid, version: String((await firm()).version), feedbackLinkDays: "0" }));
    expect(zero.ok).toBe(false);
    expectFieldError(zero, "feedbackLinkDays", /at least 1/);
    const ten = await submit(updateFirmSettingsAction, formData({ ...valid, version: String((await firm()).version), feedbackLinkDays: "10" }));
    expect(ten.ok, JSON.stringify(ten)).toBe(true);
    expect((await firm()).feedbackLinkDays).toBe(10);
    const kept = await submit(updateFirmSettingsAction, formData({ ...valid, version: String((await firm()).version) }));
    expect(kept.ok, JSON.stringify(kept)).toBe(true);
    expect((await firm()).feedbackLinkDays).toBe(10);
  });
});
