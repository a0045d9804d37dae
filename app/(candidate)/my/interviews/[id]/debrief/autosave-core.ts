import { ERROR_MESSAGES } from "@/lib/core/errors";
import type { FormState } from "@/lib/core/form-state";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { callAnswerOfSnapshot } from "@/lib/core/validation/debrief-rules";
import type { DebriefFormData } from "./debrief-data";

/**
 * The debrief autosave's decisions, without React, the browser or the network: what the
 * save and submit actions are sent, how their answers read, when to try again, and what a
 * conflict means. use-debrief-autosave.ts does the rest.
 */

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "retrying"; attempt: number; retryAt: number }
  | { kind: "signed_out" }
  | { kind: "conflict"; current: DebriefFormData | null }
  | { kind: "rejected"; message: string; fieldErrors?: Record<string, string[]> };

export type DebriefMeta = Pick<DebriefFormData, "status" | "submittedVersions" | "submittedAt" | "lastSavedAt">;

/**
 * Runs tasks one at a time. `run(start)` waits until no task is running, then calls `start`
 * (which may decide there is nothing to do and return null) in the same step as that last
 * check, so two callers that waited on the same task never start two at once: the second
 * waits for the first's. (Waiting once, then starting, let a timer's save and a blur's save
 * that both waited on one save go out together on the same version; the second was refused
 * as "changed elsewhere".)
 */
export function oneAtATime(): { run: (start: () => Promise<void> | null) => Promise<void>; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const idle = async () => {
    while (running) await running;
  };
  return {
    idle,
    async run(start) {
      // Not `await idle()`: its answer comes a step later, when another caller may have started.
      while (running) await running;
      const task = start();
      if (!task) return;
      running = task;
      try {
        await task;
      } finally {
        if (running === task) running = null;
      }
    },
  };
}

/** The pause in typing after which a change is sent. */
export const DEBOUNCE_MS = 1000;
const BACKOFF_SECONDS = [2, 4, 8, 15, 30, 60];

/** How long to wait before the given retry (1 for the first); a minute at most. */
export function retryDelaySeconds(attempt: number): number {
  return BACKOFF_SECONDS[Math.min(attempt - 1, BACKOFF_SECONDS.length - 1)]!;
}

/** The copy kept on the device: the draft, and the server version it was based on. */
export type Stored = { v: 1; draft: DebriefDraft; baseVersion: number | null; changedAt: number };

export function storageKey(interviewId: string): string {
  return `afterview.debrief.${interviewId}`;
}

/** The device's copy as stored, or null when there is none or it is not one this form wrote. */
export function parseStored(raw: string | null): Stored | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Stored>;
    if (parsed?.v !== 1 || !parsed.draft || typeof parsed.draft !== "object" || !Array.isArray(parsed.draft.people)) return null;
    // A copy kept before calls had kinds ("asked to call") reads in today's words.
    const draft = callAnswerOfSnapshot(parsed.draft as unknown as Record<string, unknown>) as unknown as DebriefDraft;
    return { ...(parsed as Stored), draft: { ...draft, callInvitation: draft.callInvitation ?? null, callTime: draft.callTime ?? null } };
  } catch {
    return null;
  }
}

export function sameDraft(a: DebriefDraft, b: DebriefDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the save and submit actions read: the interview, the version the draft is based on, the draft. */
export function envelope(interviewId: string, version: number | null, draft: DebriefDraft): FormData {
  const fd = new FormData();
  fd.set("interviewId", interviewId);
  fd.set("version", version === null ? "" : String(version));
  fd.set("draft", JSON.stringify(draft));
  return fd;
}

/** What a successful save (or submission) answers. */
export type SavedData = {
  version: number;
  lastSavedAt: string;
  debriefStatus: "draft" | "submitted";
  submittedVersions: number;
  submittedAt: string | null;
  peopleIds: string[];
};

/** An action's answer can be lost on the way (a navigation, a proxy): it then arrives as nothing. */
export function isFormState(value: unknown): value is FormState {
  return typeof value === "object" && value !== null && typeof (value as FormState).ok === "boolean";
}

export function savedData(state: FormState): SavedData | null {
  const d = state.data as Partial<SavedData> | undefined;
  return d && typeof d.version === "number" && typeof d.lastSavedAt === "string" ? (d as SavedData) : null;
}

export function metaOf(data: SavedData): DebriefMeta {
  return {
    status: data.debriefStatus,
    submittedVersions: data.submittedVersions,
    submittedAt: data.submittedAt,
    lastSavedAt: data.lastSavedAt,
  };
}

/** Where the server's copy of a debrief stands. */
export function metaOfCopy(copy: DebriefFormData): DebriefMeta {
  return {
    status: copy.status,
    submittedVersions: copy.submittedVersions,
    submittedAt: copy.submittedAt,
    lastSavedAt: copy.lastSavedAt,
  };
}

/**
 * The new ids the server gave people it stored under other ids, by the draft's id
 * (`peopleIds` is in the order the people were sent).
 */
export function renamedPeople(sent: DebriefDraft, peopleIds: string[]): Map<string, string> {
  const renamed = new Map<string, string>();
  sent.people.forEach((p, i) => {
    const id = peopleIds[i];
    if (id && id !== p.id) renamed.set(p.id, id);
  });
  return renamed;
}

/** The server refused because its copy moved on: the copy it holds now, if it sent one. */
export function conflictOf(state: FormState): { current: DebriefFormData | null } | null {
  const data = state.data as { conflict?: boolean; current?: DebriefFormData | null } | undefined;
  return data?.conflict ? { current: data.current ?? null } : null;
}

export const NETWORK_FAILURE: FormState = { ok: false, formError: "network" };
export const SIGNED_OUT: FormState = { ok: false, formError: ERROR_MESSAGES.unauthenticated };

/** A failure worth trying again by itself: the connection, or the server's own error. */
export function isRetryable(state: FormState): boolean {
  return state === NETWORK_FAILURE || (state.formError?.startsWith("Something went wrong on our side") ?? false);
}

export const UNCONFIRMED_SUBMISSION: FormState = {
  ok: false,
  formError: "We could not confirm that your debrief was sent. Your answers are kept; reload the page to see where it stands.",
};

/**
 * What a submission whose answer got lost came to, from the answer of a save of the same
 * draft on the version the submission was based on (`probe`): that save conflicts with a
 * debrief submitted since (the submission went through), or it is saved (it did not, and
 * the candidate submits again).
 */
export function submissionFromProbe(probe: unknown, before: { version: number | null; submittedVersions: number }): FormState {
  if (!isFormState(probe)) return UNCONFIRMED_SUBMISSION;
  const current = (probe.data as { conflict?: boolean; current?: DebriefFormData | null } | undefined)?.current;
  if (current && current.status === "submitted" && current.submittedVersions > before.submittedVersions && current.version !== null) {
    return {
      ok: true,
      data: {
        version: current.version,
        lastSavedAt: current.lastSavedAt ?? new Date().toISOString(),
        debriefStatus: "submitted",
        submittedVersions: current.submittedVersions,
        submittedAt: current.submittedAt,
        peopleIds: current.draft.people.map((p) => p.id),
        versionNumber: current.submittedVersions,
      },
    };
  }
  if (probe.ok) return { ...probe, ok: false, formError: "Your debrief was not sent. Your answers are saved; submit again." };
  return probe;
}

/**
 * The server's version when a submission was refused only because an earlier save's answer was
 * lost: a conflict whose server copy is this very draft, not yet submitted again. Otherwise null.
 */
export function versionOfLostSave(state: FormState, sent: DebriefDraft, submittedVersions: number): number | null {
  const current = conflictOf(state)?.current;
  if (!current || current.version === null || current.submittedVersions !== submittedVersions) return null;
  return sameDraft(current.draft, sent) ? current.version : null;
}
