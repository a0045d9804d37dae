import type { FormState } from "@/lib/core/form-state";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { saveDebriefDraftAction } from "./actions";
import {
  NETWORK_FAILURE,
  SIGNED_OUT,
  UNCONFIRMED_SUBMISSION,
  envelope,
  parseStored,
  storageKey,
  submissionFromProbe,
  type Stored,
} from "./autosave-core";

/** The debrief autosave's reach outside the page: the device's copy, and asking the server what happened. */

export function readStored(interviewId: string): Stored | null {
  try {
    return parseStored(window.localStorage.getItem(storageKey(interviewId)));
  } catch {
    return null;
  }
}

export function writeStored(interviewId: string, value: Stored): void {
  try {
    window.localStorage.setItem(storageKey(interviewId), JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the server copy is then the only one.
  }
}

export function clearStored(interviewId: string): void {
  try {
    window.localStorage.removeItem(storageKey(interviewId));
  } catch {
    /* nothing stored */
  }
}

/**
 * Why did the request fail? Without a session cookie the proxy answers an
 * action with a redirect to sign-in, which reaches us as a failed call rather
 * than the action's own "session ended" answer. Asking for this page again,
 * without following redirects, tells the two apart.
 */
export async function failureOf(): Promise<FormState> {
  try {
    const res = await fetch(window.location.pathname, { method: "HEAD", redirect: "manual", cache: "no-store" });
    if (res.type === "opaqueredirect" || (res.status >= 300 && res.status < 400)) return SIGNED_OUT;
  } catch {
    // Offline: a plain failure, retried.
  }
  return NETWORK_FAILURE;
}

/**
 * The submission's answer got lost: ask the server where the debrief stands,
 * by saving the same draft on the version the submission was based on. If
 * the submission went through, that save conflicts with the submitted
 * debrief; if not, the draft is saved and the candidate submits again.
 */
export async function confirmSubmission(
  interviewId: string,
  before: { version: number | null; submittedVersions: number },
  draft: DebriefDraft,
): Promise<FormState> {
  let probe: unknown;
  try {
    probe = await saveDebriefDraftAction({ ok: false }, envelope(interviewId, before.version, draft));
  } catch {
    return UNCONFIRMED_SUBMISSION;
  }
  return submissionFromProbe(probe, before);
}
