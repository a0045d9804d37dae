import { describe, expect, it } from "vitest";
import {
  NETWORK_FAILURE,
  UNCONFIRMED_SUBMISSION,
  conflictOf,
  envelope,
  isFormState,
  isRetryable,
  oneAtATime,
  parseStored,
  renamedPeople,
  retryDelaySeconds,
  savedData,
  storageKey,
  submissionFromProbe,
  versionOfLostSave,
} from "@/app/(candidate)/my/interviews/[id]/debrief/autosave-core";
import type { DebriefFormData } from "@/app/(candidate)/my/interviews/[id]/debrief/debrief-data";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import { emptyDebriefDraft, type DebriefDraft } from "@/lib/core/validation/debrief";

const ID_A = "0195f0c8-1d2a-7c3b-8d4e-5f6a7b8c9d0e";
const ID_B = "0195f0c8-1d2a-7c3b-8d4e-5f6a7b8c9d0f";

function person(id: string, name: string): DebriefDraft["people"][number] {
  return { id, contactId: null, name, title: "", email: "", phone: "", thankYouSent: false, thankYouSentAt: null, thankYouChannel: null };
}

function draft(over: Partial<DebriefDraft> = {}): DebriefDraft {
  return { ...emptyDebriefDraft(), wentWell: "The system design round", ...over };
}

function copy(over: Partial<DebriefFormData> = {}): DebriefFormData {
  return {
    draft: draft(),
    version: 7,
    status: "draft",
    submittedVersions: 0,
    submittedAt: null,
    lastSavedAt: "2026-03-10T15:00:00.000Z",
    ...over,
  };
}

describe("retry delays", () => {
  it("back off from 2 s to a minute, and stay there", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelaySeconds)).toEqual([2, 4, 8, 15, 30, 60, 60, 60]);
  });

  it("retry a lost connection and the server's own error, nothing else", () => {
    expect(isRetryable(NETWORK_FAILURE)).toBe(true);
    expect(isRetryable({ ok: false, formError: "Something went wrong on our side. Try again." })).toBe(true);
    expect(isRetryable({ ok: false, formError: "network" })).toBe(false); // only the one failure value
    expect(isRetryable({ ok: false, formError: ERROR_MESSAGES.unauthenticated })).toBe(false);
    expect(isRetryable({ ok: false, fieldErrors: { wentWell: ["Too long"] } })).toBe(false);
  });
});

describe("the device's copy", () => {
  it("is keyed by interview", () => {
    expect(storageKey("abc")).toBe("afterview.debrief.abc");
  });

  it("reads back what the form wrote, and nothing else", () => {
    const stored = { v: 1, draft: draft(), baseVersion: 3, changedAt: 1 };
    expect(parseStored(JSON.stringify(stored))).toEqual(stored);
    expect(parseStored(null)).toBeNull();
    expect(parseStored("")).toBeNull();
    expect(parseStored("{not json")).toBeNull();
    expect(parseStored(JSON.stringify({ ...stored, v: 2 }))).toBeNull();
    expect(parseStored(JSON.stringify({ ...stored, draft: { ...draft(), people: "none" } }))).toBeNull();
  });

  it("reads a copy kept before calls had kinds ('asked to call') in today's words", () => {
    const { callInvitation: _kind, callTime: _time, ...older } = draft({ callBy: "2026-03-13" });
    const stored = { v: 1, draft: { ...older, askedToCall: true }, baseVersion: 3, changedAt: 1 };
    const read = parseStored(JSON.stringify(stored));
    expect(read?.draft).toMatchObject({ callInvitation: "on_day", callBy: "2026-03-13", callTime: null });
    expect(read?.draft).not.toHaveProperty("askedToCall");
  });
});

describe("answers", () => {
  it("an envelope carries the interview, the base version (empty before the first save) and the draft", () => {
    const fd = envelope("i-1", null, draft());
    expect(fd.get("interviewId")).toBe("i-1");
    expect(fd.get("version")).toBe("");
    expect(JSON.parse(fd.get("draft") as string)).toEqual(draft());
    expect(envelope("i-1", 4, draft()).get("version")).toBe("4");
  });

  it("a lost answer is not a form state; a save's answer has a version and a time", () => {
    expect(isFormState(undefined)).toBe(false);
    expect(isFormState({ ok: true })).toBe(true);
    expect(savedData({ ok: true })).toBeNull();
    expect(savedData({ ok: true, data: { version: 2, lastSavedAt: "x" } })).toMatchObject({ version: 2 });
  });

  it("people the server stored under new ids are renamed, in the order sent", () => {
    const sent = draft({ people: [person(ID_A, "Ines"), person(ID_B, "Pat")] });
    expect([...renamedPeople(sent, [ID_A, "new-b"])]).toEqual([[ID_B, "new-b"]]);
    expect(renamedPeople(sent, [ID_A, ID_B]).size).toBe(0);
    expect(renamedPeople(sent, []).size).toBe(0);
  });

  it("a conflict names the server's copy, or null when it sent none", () => {
    expect(conflictOf({ ok: false })).toBeNull();
    expect(conflictOf({ ok: false, data: { conflict: true } })).toEqual({ current: null });
    expect(conflictOf({ ok: false, data: { conflict: true, current: copy() } })).toEqual({ current: copy() });
  });
});

describe("a submission refused because an earlier save's answer was lost", () => {
  const sent = draft();
  const conflict = (current: DebriefFormData | null) => ({ ok: false, data: { conflict: true, current } });

  it("is submitted again on the server's version when the server holds this very draft", () => {
    expect(versionOfLostSave(conflict(copy({ version: 9 })), sent, 0)).toBe(9);
  });

  it("is a real conflict when the server holds other text, or a submission since, or no version", () => {
    expect(versionOfLostSave(conflict(copy({ draft: draft({ wentWell: "Other" }) })), sent, 0)).toBeNull();
    expect(versionOfLostSave(conflict(copy({ submittedVersions: 1, status: "submitted" })), sent, 0)).toBeNull();
    expect(versionOfLostSave(conflict(copy({ version: null })), sent, 0)).toBeNull();
    expect(versionOfLostSave(conflict(null), sent, 0)).toBeNull();
  });

  it("is not a lost save when the refusal is no conflict", () => {
    expect(versionOfLostSave({ ok: false, formError: "Nope", data: { current: copy() } }, sent, 0)).toBeNull();
    expect(versionOfLostSave({ ok: true, data: { version: 3 } }, sent, 0)).toBeNull();
  });
});

describe("a submission whose answer got lost", () => {
  const before = { version: 7, submittedVersions: 0 };

  it("went through when the probe conflicts with a newer submitted copy", () => {
    const current = copy({ version: 8, status: "submitted", submittedVersions: 1, submittedAt: "2026-03-10T16:00:00.000Z", draft: draft({ people: [person(ID_A, "Ines")] }) });
    const state = submissionFromProbe({ ok: false, data: { conflict: true, current } }, before);
    expect(state).toEqual({
      ok: true,
      data: {
        version: 8,
        lastSavedAt: current.lastSavedAt,
        debriefStatus: "submitted",
        submittedVersions: 1,
        submittedAt: current.submittedAt,
        peopleIds: [ID_A],
        versionNumber: 1,
      },
    });
  });

  it("did not when the probe saved: the candidate submits again", () => {
    const state = submissionFromProbe({ ok: true, data: { version: 8, lastSavedAt: "x" } }, before);
    expect(state).toMatchObject({ ok: false, formError: "Your debrief was not sent. Your answers are saved; submit again." });
    expect(state.data).toEqual({ version: 8, lastSavedAt: "x" });
  });

  it("stays unknown when the probe's answer is lost too; other refusals pass through", () => {
    expect(submissionFromProbe(undefined, before)).toBe(UNCONFIRMED_SUBMISSION);
    const refused = { ok: false, formError: ERROR_MESSAGES.unauthenticated };
    expect(submissionFromProbe(refused, before)).toBe(refused);
    const olderConflict = { ok: false, data: { conflict: true, current: copy({ status: "submitted", submittedVersions: 0 }) } };
    expect(submissionFromProbe(olderConflict, before)).toBe(olderConflict);
  });
});

describe("saves one at a time", () => {
  it("never starts two at once, even for callers that waited on the same save", async () => {
    const saves = oneAtATime();
    let running = 0;
    let most = 0;
    const started: string[] = [];
    const release: (() => void)[] = [];
    const task = (name: string) => () => {
      started.push(name);
      running += 1;
      most = Math.max(most, running);
      return new Promise<void>((resolve) =>
        release.push(() => {
          running -= 1;
          resolve();
        }),
      );
    };
    const first = saves.run(task("first"));
    // A timer's save and a blur's save, both asked for while the first is running.
    const timer = saves.run(task("timer"));
    const blur = saves.run(task("blur"));
    const settle = () => new Promise((r) => setTimeout(r, 0));
    await settle();
    expect(started).toEqual(["first"]);
    release.shift()!();
    await settle();
    expect(started).toEqual(["first", "timer"]);
    release.shift()!();
    await settle();
    expect(started).toEqual(["first", "timer", "blur"]);
    release.shift()!();
    await Promise.all([first, timer, blur]);
    expect(most).toBe(1);
  });

  it("lets a caller decide, after the wait, that there is nothing left to send", async () => {
    const saves = oneAtATime();
    let sent = 0;
    let unsaved = true;
    const save = () =>
      saves.run(() => {
        if (!unsaved) return null;
        unsaved = false;
        sent += 1;
        return new Promise<void>((r) => setTimeout(r, 5));
      });
    await Promise.all([save(), save(), save()]);
    expect(sent).toBe(1);
    await saves.idle();
  });
});
