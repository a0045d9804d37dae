"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import type { FormState } from "@/lib/core/form-state";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { saveDebriefDraftAction, submitDebriefAction } from "./actions";
import {
  DEBOUNCE_MS,
  NETWORK_FAILURE,
  conflictOf,
  envelope,
  isFormState,
  isRetryable,
  metaOf,
  metaOfCopy,
  oneAtATime,
  renamedPeople,
  retryDelaySeconds,
  sameDraft,
  savedData,
  versionOfLostSave,
  type DebriefMeta,
  type SaveStatus,
  type SavedData,
} from "./autosave-core";
import { clearStored, confirmSubmission, failureOf, readStored, writeStored } from "./autosave-io";
import type { DebriefFormData } from "./debrief-data";

/**
 * Nothing typed into a debrief is lost:
 * - every change goes to localStorage at once (keyed by interview), and to the
 *   server after a pause in typing (DEBOUNCE_MS) or when a field is left;
 * - "Saved" is shown only for what the server confirmed; a failed save says
 *   so and retries with backoff;
 * - an ended session stops the saving (the changes stay on the device) until
 *   the candidate signs in again; back on the page, the stored changes are
 *   restored and saved;
 * - saves carry the version they were based on, so another window's changes
 *   are never silently overwritten: the candidate chooses.
 */

export function useDebriefAutosave({ interviewId, initial }: { interviewId: string; initial: DebriefFormData }) {
  const [draft, setDraft] = useState<DebriefDraft>(initial.draft);
  const [status, setStatus] = useState<SaveStatus>(
    initial.lastSavedAt ? { kind: "saved", at: initial.lastSavedAt } : { kind: "idle" },
  );
  const [meta, setMeta] = useState<DebriefMeta>(() => metaOfCopy(initial));
  const [restored, setRestored] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const draftRef = useRef(initial.draft);
  const versionRef = useRef<number | null>(initial.version);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saves = useRef(oneAtATime());
  const attempt = useRef(0);
  const blocked = useRef<"signed_out" | "conflict" | "rejected" | null>(null);
  const saveRef = useRef<() => Promise<void>>(async () => {});

  const remember = useCallback(() => {
    writeStored(interviewId, { v: 1, draft: draftRef.current, baseVersion: versionRef.current, changedAt: Date.now() });
  }, [interviewId]);

  const setDraftQuietly = useCallback((next: DebriefDraft) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  /** What the server stored: its version, and the ids it gave new people if it had to. */
  const accept = useCallback(
    (data: SavedData, sent: DebriefDraft, seq: number) => {
      versionRef.current = data.version;
      savedSeq.current = Math.max(savedSeq.current, seq);
      attempt.current = 0;
      blocked.current = null;
      setMeta(metaOf(data));
      const renamed = renamedPeople(sent, data.peopleIds);
      if (renamed.size > 0) {
        setDraftQuietly({
          ...draftRef.current,
          people: draftRef.current.people.map((p) => ({ ...p, id: renamed.get(p.id) ?? p.id })),
        });
      }
      if (changeSeq.current === seq) {
        clearStored(interviewId);
        setStatus({ kind: "saved", at: data.lastSavedAt });
      } else {
        remember();
        setStatus({ kind: "pending" });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
      }
    },
    [interviewId, remember, setDraftQuietly],
  );

  /** Everything but success: each failure says what it is and what happens next. */
  const reject = useCallback((state: FormState) => {
    if (state.formError === ERROR_MESSAGES.unauthenticated) {
      blocked.current = "signed_out";
      setStatus({ kind: "signed_out" });
      return;
    }
    const conflict = conflictOf(state);
    if (conflict) {
      const { current } = conflict;
      if (current && sameDraft(current.draft, draftRef.current)) {
        // The other copy holds exactly what is here (an earlier save whose answer was lost).
        versionRef.current = current.version;
        savedSeq.current = changeSeq.current;
        blocked.current = null;
        clearStored(interviewId);
        setStatus({ kind: "saved", at: current.lastSavedAt ?? new Date().toISOString() });
        return;
      }
      blocked.current = "conflict";
      setStatus({ kind: "conflict", current });
      return;
    }
    if (isRetryable(state)) {
      attempt.current += 1;
      const seconds = retryDelaySeconds(attempt.current);
      setStatus({ kind: "retrying", attempt: attempt.current, retryAt: Date.now() + seconds * 1000 });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), seconds * 1000);
      return;
    }
    blocked.current = "rejected";
    setStatus({
      kind: "rejected",
      message: state.formError ?? "This change could not be saved.",
      fieldErrors: state.fieldErrors as Record<string, string[]> | undefined,
    });
  }, [interviewId]);

  /** One save of the draft as it is now, on the version last confirmed. */
  const send = useCallback(async (): Promise<void> => {
    const seq = changeSeq.current;
    const sent = draftRef.current;
    setStatus({ kind: "saving" });
    let state: FormState;
    try {
      const answer: unknown = await saveDebriefDraftAction({ ok: false }, envelope(interviewId, versionRef.current, sent));
      state = isFormState(answer) ? answer : await failureOf();
    } catch {
      state = await failureOf();
    }
    const data = state.ok ? savedData(state) : null;
    if (data) accept(data, sent, seq);
    else reject(state);
  }, [accept, interviewId, reject]);

  /** Saves what is not saved yet, after any save still running (never two at once). */
  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    await saves.current.run(() => {
      if (changeSeq.current === savedSeq.current) return null;
      if (blocked.current === "conflict") return null;
      return send();
    });
  }, [send]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Changes the draft; it is kept on the device at once and saved after a pause. */
  const update = useCallback(
    (change: (d: DebriefDraft) => DebriefDraft) => {
      setDraftQuietly(change(draftRef.current));
      changeSeq.current += 1;
      remember();
      if (blocked.current === "signed_out" || blocked.current === "conflict") return;
      if (blocked.current === "rejected") blocked.current = null;
      setStatus((s) => (s.kind === "retrying" ? s : { kind: "pending" }));
      if (attempt.current > 0) return; // a retry is already scheduled
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
    },
    [remember, setDraftQuietly],
  );

  /** Saves now (leaving a field, hiding the page). */
  const flush = useCallback(() => {
    if (changeSeq.current === savedSeq.current || attempt.current > 0) return;
    // Signed out or changed elsewhere: the candidate acts first (signing in, choosing a version).
    if (blocked.current === "conflict" || blocked.current === "signed_out") return;
    void saveRef.current();
  }, []);

  const retryNow = useCallback(() => {
    if (blocked.current === "signed_out" || blocked.current === "rejected") blocked.current = null;
    void saveRef.current();
  }, []);

  const keepMine = useCallback(() => {
    if (status.kind !== "conflict") return;
    versionRef.current = status.current?.version ?? null;
    blocked.current = null;
    changeSeq.current += 1;
    remember();
    void saveRef.current();
  }, [remember, status]);

  const takeSaved = useCallback(() => {
    if (status.kind !== "conflict" || !status.current) return;
    const current = status.current;
    setDraftQuietly(current.draft);
    versionRef.current = current.version;
    savedSeq.current = changeSeq.current;
    blocked.current = null;
    setMeta(metaOfCopy(current));
    clearStored(interviewId);
    setStatus({ kind: "saved", at: current.lastSavedAt ?? new Date().toISOString() });
  }, [interviewId, setDraftQuietly, status]);

  /**
   * Takes in answers given before hydration (`withEdits` lays them over a draft): into the draft, which
   * then saves; or, when this device kept changes from an earlier visit, over that copy, which the
   * restoring below then brings back (with its check that the server copy did not move on meanwhile).
   * Runs once, on hydration, before anything renders again.
   */
  const adoptEarlyEdits = useCallback(
    (withEdits: (d: DebriefDraft) => DebriefDraft) => {
      const stored = readStored(interviewId);
      if (stored && !sameDraft(stored.draft, initial.draft)) {
        const merged = withEdits(stored.draft);
        if (merged !== stored.draft) writeStored(interviewId, { ...stored, draft: merged, changedAt: Date.now() });
        return;
      }
      const before = draftRef.current;
      const after = withEdits(before);
      if (after !== before) update(() => after);
    },
    [initial.draft, interviewId, update],
  );

  /** Submits (or amends); field problems come back keyed by field. */
  const submit = useCallback(async (): Promise<FormState> => {
    clearTimeout(timer.current);
    await saves.current.idle();
    const seq = changeSeq.current;
    const sent = draftRef.current;
    setSubmitting(true);
    let state: FormState;
    const before = { version: versionRef.current, submittedVersions: meta.submittedVersions };
    try {
      const answer: unknown = await submitDebriefAction({ ok: false }, envelope(interviewId, before.version, sent));
      state = isFormState(answer) ? answer : await confirmSubmission(interviewId, before, sent);
      // An autosave whose answer never reached this page moved the server's version on, so the
      // submission was refused as a conflict although the server holds exactly this draft. Submit
      // again on that version, once; a real conflict (other text, or already submitted) still asks.
      const lostSave = versionOfLostSave(state, sent, before.submittedVersions);
      if (lostSave !== null) {
        versionRef.current = lostSave;
        const retry = { version: lostSave, submittedVersions: before.submittedVersions };
        const again: unknown = await submitDebriefAction({ ok: false }, envelope(interviewId, lostSave, sent));
        state = isFormState(again) ? again : await confirmSubmission(interviewId, retry, sent);
      }
    } catch {
      state = await failureOf();
      if (state === NETWORK_FAILURE) {
        state = {
          ok: false,
          formError: "Your debrief could not be sent: the connection failed. It is kept on this device; try again in a moment.",
        };
      }
    } finally {
      setSubmitting(false);
    }
    const data = savedData(state);
    if (data) accept(data, sent, seq);
    else if (state.formError === ERROR_MESSAGES.unauthenticated || conflictOf(state)) reject(state);
    return state;
  }, [accept, interviewId, meta.submittedVersions, reject]);

  // Changes kept on this device but not on the server (a closed tab, an
  // ended session) come back, and are saved — unless the server copy moved
  // on meanwhile, when the candidate chooses.
  useEffect(() => {
    const stored = readStored(interviewId);
    if (!stored) return;
    // The same as the server's copy: nothing to restore. The same as this page's draft (answers given
    // before hydration, just taken in and being saved): nothing to restore either.
    if (sameDraft(stored.draft, initial.draft) || sameDraft(stored.draft, draftRef.current)) {
      if (sameDraft(stored.draft, initial.draft)) clearStored(interviewId);
      return;
    }
    // Restoring runs once, after hydration: the device's copy is not known on the server.
    setDraftQuietly(stored.draft);
    setRestored(true);
    changeSeq.current += 1;
    if (stored.baseVersion === initial.version) {
      void saveRef.current();
    } else {
      blocked.current = "conflict";
      // eslint-disable-next-line react-hooks/set-state-in-effect -- once, on mount (above)
      setStatus({ kind: "conflict", current: initial });
    }
    // Only on mount: `initial` is the server copy this page was rendered with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interviewId]);

  // Leaving or hiding the page saves at once; a pending save asks before unloading.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (changeSeq.current !== savedSeq.current && blocked.current !== "signed_out") {
        flush();
        event.preventDefault();
      }
    };
    // Back from signing in elsewhere, or back online: try again.
    const onReturn = () => {
      if (blocked.current === "signed_out" || attempt.current > 0) retryNow();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("focus", onReturn);
    window.addEventListener("online", onReturn);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("focus", onReturn);
      window.removeEventListener("online", onReturn);
    };
  }, [flush, retryNow]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (changeSeq.current !== savedSeq.current && !blocked.current) void saveRef.current();
    },
    [],
  );

  return {
    draft,
    update,
    flush,
    status,
    meta,
    restored,
    submitting,
    submit,
    retryNow,
    keepMine,
    takeSaved,
    hasUnsavedChanges: () => changeSeq.current !== savedSeq.current,
    adoptEarlyEdits,
    /** The draft as it is now, including a change made in this same event (state lags a render behind). */
    current: () => draftRef.current,
  };
}
