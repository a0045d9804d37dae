"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent, type FormEvent } from "react";
import { whenLabel } from "@/app/(candidate)/_components/format";
import { debriefProblems, type DebriefDraft } from "@/lib/core/validation/debrief-rules";
import type { DebriefFormData } from "./debrief-data";
import { Alert, AlertDescription, AlertTitle } from "./debrief-ui";
import { AskedOfYouSection } from "./sections/asked-of-you";
import type { DraftForm } from "./sections/draft-fields";
import { EverythingElseSection } from "./sections/everything-else";
import { HowItWentSection } from "./sections/how-it-went";
import { PeopleMetSection } from "./sections/people-met";
import { SubmitBar } from "./sections/submit-bar";
import { TimelineSection } from "./sections/timeline";
import { withEarlyEdits } from "./early-edits";
import { useDebriefAutosave } from "./use-debrief-autosave";

const noSubscription = () => () => {};
/** False in the server's HTML and during hydration, true once React runs the form. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export type DebriefFormProps = {
  interviewId: string;
  initial: DebriefFormData;
  /** The interview's calendar day in the firm's zone, and the same for messages. */
  interviewDay: string;
  interviewDayLabel: string;
  interviewStartsAt: string;
  timeZone: string;
  zoneLabel: string;
  /** The time the page was rendered (for labels only). */
  renderedAt: string;
};

/**
 * The candidate's debrief: the sections of questions, each in its own file under sections/,
 * the notices above them and the submit bar below. The answers save as they are typed
 * (use-debrief-autosave); a problem shows once its field was left, or on submitting.
 */
export function DebriefForm(props: DebriefFormProps) {
  const { interviewId, initial, timeZone } = props;
  const router = useRouter();
  const autosave = useDebriefAutosave({ interviewId, initial });
  const { draft, update, status, meta } = autosave;
  const formRef = useRef<HTMLFormElement>(null);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<{ href: string; amended: boolean } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const hydrated = useHydrated();

  // Answers given before the script took over are in the controls but not in the draft: take them in,
  // so they are saved, submitted and never put back by a later render (see early-edits.ts).
  useLayoutEffect(() => {
    const form = formRef.current;
    if (form) autosave.adoptEarlyEdits((d) => withEarlyEdits(form, d));
    // Once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const checkContext = useMemo(
    () => ({
      interviewDay: props.interviewDay,
      interviewDayLabel: props.interviewDayLabel,
      interviewStartsAt: new Date(props.interviewStartsAt),
      now: null,
    }),
    [props.interviewDay, props.interviewDayLabel, props.interviewStartsAt],
  );
  const problems = useMemo(
    () => debriefProblems(draft, checkContext, submitAttempted ? "submit" : "draft"),
    [draft, checkContext, submitAttempted],
  );
  const rejectedErrors = status.kind === "rejected" ? (status.fieldErrors ?? {}) : {};

  function errorOf(key: string): string | undefined {
    const server = serverErrors[key]?.[0] ?? rejectedErrors[key]?.[0];
    if (server) return server;
    const live = problems[key]?.[0];
    if (!live) return undefined;
    return submitAttempted || touched.has(key) ? live : undefined;
  }
  const shownErrors = Object.keys({ ...problems, ...serverErrors, ...rejectedErrors }).filter((k) => errorOf(k));

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A radio group is marked as a whole; its first (or chosen) radio takes the focus.
    const first =
      invalid?.getAttribute("role") === "radiogroup"
        ? (invalid.querySelector<HTMLElement>("input:checked") ?? invalid.querySelector<HTMLElement>("input"))
        : invalid;
    if (first) {
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }, [focusRequest]);

  function change<K extends keyof DebriefDraft>(key: K, value: DebriefDraft[K]) {
    clearServerError(key);
    update((d) => ({ ...d, [key]: value }));
  }

  function clearServerError(key: string) {
    setServerErrors((errors) => {
      if (!errors[key]) return errors;
      const { [key]: _dropped, ...rest } = errors;
      return rest;
    });
  }

  const form: DraftForm = { draft, change, errorOf };

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const key = (event.target as HTMLElement).dataset?.field;
    if (key && !touched.has(key)) setTouched((t) => new Set(t).add(key));
    autosave.flush();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (autosave.submitting) return;
    setSubmitAttempted(true);
    setServerErrors({});
    setSentTo(null);
    const local = debriefProblems(autosave.current(), { ...checkContext, now: new Date() }, "submit");
    const count = Object.keys(local).length;
    if (count > 0) {
      setFormError(`${count === 1 ? "One answer needs" : `${count} answers need`} attention before you can submit. Your draft is kept.`);
      setFocusRequest((n) => n + 1);
      autosave.flush();
      return;
    }
    setFormError(null);
    const state = await autosave.submit();
    if (state.ok) {
      const number = (state.data as { versionNumber?: number } | undefined)?.versionNumber ?? 1;
      const plan = `/my/plan/${interviewId}?submitted=${number}`;
      // Said at once, with a way there: the plan page can take a while on a slow connection.
      setSentTo({ href: plan, amended: number > 1 });
      router.push(plan);
      return;
    }
    if (state.fieldErrors) setServerErrors(state.fieldErrors as Record<string, string[]>);
    const handledByBar = (state.data as { conflict?: boolean } | undefined)?.conflict || state.formError?.startsWith("Your session has ended");
    setFormError(handledByBar ? null : (state.formError ?? "Your debrief could not be sent. Try again."));
    setFocusRequest((n) => n + 1);
  }

  const submitted = meta.status === "submitted";
  const amendmentPending =
    submitted && meta.submittedAt && meta.lastSavedAt && new Date(meta.lastSavedAt) > new Date(meta.submittedAt);
  const renderedAt = new Date(props.renderedAt);

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} onBlur={onBlur} className="flex flex-col gap-8" aria-label="Debrief">
      <div className="flex flex-col gap-3 empty:hidden">
        {autosave.restored ? (
          <Alert variant="info" announce>
            <AlertDescription>
              Changes you made earlier on this device had not reached the server yet. They are back in the form and are being saved.
            </AlertDescription>
          </Alert>
        ) : null}
        {submitted && meta.submittedAt ? (
          <Alert variant={amendmentPending ? "warning" : "success"}>
            <AlertTitle>
              {amendmentPending ? "You have changes your recruiter has not seen" : "Submitted to your recruiter"}
            </AlertTitle>
            <AlertDescription>
              {amendmentPending
                ? `Version ${meta.submittedVersions} was sent ${whenLabel(new Date(meta.submittedAt), timeZone, renderedAt)}. Your changes since are saved; submit them as an amendment when you are ready.`
                : `Version ${meta.submittedVersions}, sent ${whenLabel(new Date(meta.submittedAt), timeZone, renderedAt)}. You can still change anything: your changes are saved as you type and reach your recruiter when you submit them as an amendment.`}
            </AlertDescription>
          </Alert>
        ) : null}
        {sentTo ? (
          <Alert variant="success" announce>
            <AlertDescription>
              {sentTo.amended ? "Amendment sent" : "Debrief sent"} to your recruiter. Opening your plan…{" "}
              <a href={sentTo.href} className="font-medium underline underline-offset-4">
                Open your plan
              </a>
            </AlertDescription>
          </Alert>
        ) : null}
        {formError ? (
          <Alert variant="error" announce id="form-error">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
      </div>

      <HowItWentSection form={form} />
      <PeopleMetSection
        people={draft.people}
        update={update}
        errorOf={errorOf}
        clearServerError={clearServerError}
        clearServerErrors={() => setServerErrors({})}
        timeZone={timeZone}
        zoneLabel={props.zoneLabel}
      />
      <TimelineSection form={form} interviewDay={props.interviewDay} />
      <AskedOfYouSection form={form} interviewDay={props.interviewDay} />
      <EverythingElseSection form={form} />

      <SubmitBar
        interviewId={interviewId}
        status={status}
        timeZone={timeZone}
        renderedAt={renderedAt}
        submitting={autosave.submitting}
        ready={hydrated}
        submitted={submitted}
        problemCount={submitAttempted ? shownErrors.length : 0}
        onRetry={autosave.retryNow}
        onKeepMine={autosave.keepMine}
        onTakeSaved={autosave.takeSaved}
      />
    </form>
  );
}
