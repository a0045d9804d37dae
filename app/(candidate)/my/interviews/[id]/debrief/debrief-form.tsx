"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FocusEvent, type FormEvent } from "react";
import { dayLabel, fromLocalInput, timeLabel, toLocalInput, whenLabel } from "@/app/(candidate)/_components/format";
import {
  DEBRIEF_LIMITS,
  DEBRIEF_TEXT_FIELDS,
  debriefProblems,
  type DebriefDraft,
  type DebriefPersonDraft,
} from "@/lib/core/validation/debrief-rules";
import type { DebriefFormData } from "./debrief-data";
import { ChoiceGroup, FieldError, InputField, Section, TextAreaField, fieldId } from "./debrief-fields";
import {
  Alert,
  AlertDescription,
  AlertTitle,
  BUTTON_CLASSES,
  CONTROL_CLASSES,
  CheckIcon,
  ChevronDownIcon,
  CircleAlertIcon,
  CloudOffIcon,
  Label,
  LoaderIcon,
  PlusIcon,
  TrashIcon,
  UndoIcon,
  UserIcon,
} from "./debrief-ui";
import { useDebriefAutosave, type SaveStatus } from "./use-debrief-autosave";
import { THANK_YOU_CHANNEL_LABELS, THANK_YOU_CHANNELS, type ThankYouChannel } from "@/lib/core/vocabulary";

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

const OVERALL = ["badly", "not well", "okay", "well", "very well"];
const INTEREST = ["not interested", "a little", "somewhat", "quite", "very interested"];
const scale = (words: string[]) => words.map((w, i) => ({ value: i + 1, label: String(i + 1), srLabel: w }));
const YES_NO = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
];
const TIMELINE = [
  { value: "yes" as const, label: "Yes" },
  { value: "no" as const, label: "No" },
  { value: "unsure" as const, label: "Not sure" },
];

/** A UUID version 7 (time-ordered, like the server's ids), from the browser's random source. */
function uuidv7(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  const ms = Date.now();
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function emptyPerson(): DebriefPersonDraft {
  return {
    id: uuidv7(),
    contactId: null,
    name: "",
    title: "",
    email: "",
    phone: "",
    thankYouSent: false,
    thankYouSentAt: null,
    thankYouChannel: null,
  };
}

export function DebriefForm(props: DebriefFormProps) {
  const { interviewId, initial, timeZone } = props;
  const router = useRouter();
  const autosave = useDebriefAutosave({ interviewId, initial });
  const { draft, update, status, meta } = autosave;
  const formRef = useRef<HTMLFormElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [removed, setRemoved] = useState<{ person: DebriefPersonDraft; index: number } | null>(null);
  const [focusPerson, setFocusPerson] = useState<string | null>(null);

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

  useEffect(() => {
    if (!focusPerson) return;
    document.getElementById(fieldId(`people.${draft.people.findIndex((p) => p.id === focusPerson)}.name`))?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-shot focus request
    setFocusPerson(null);
  }, [focusPerson, draft.people]);

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

  function changePerson(index: number, patch: Partial<DebriefPersonDraft>) {
    for (const key of Object.keys(patch)) clearServerError(`people.${index}.${key}`);
    update((d) => ({ ...d, people: d.people.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  }

  function addPerson() {
    const person = emptyPerson();
    clearServerError("people");
    update((d) => ({ ...d, people: [...d.people, person] }));
    setRemoved(null);
    setFocusPerson(person.id);
  }

  function removePerson(index: number) {
    const person = draft.people[index];
    if (!person) return;
    setServerErrors({});
    update((d) => ({ ...d, people: d.people.filter((_, i) => i !== index) }));
    setRemoved({ person, index });
    addButtonRef.current?.focus();
  }

  function undoRemove() {
    if (!removed) return;
    const { person, index } = removed;
    update((d) => {
      const people = [...d.people];
      people.splice(Math.min(index, people.length), 0, person);
      return { ...d, people };
    });
    setRemoved(null);
    setFocusPerson(person.id);
  }

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
    const local = debriefProblems(draft, { ...checkContext, now: new Date() }, "submit");
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
      router.push(`/my/plan/${interviewId}?submitted=${number}`);
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
        {formError ? (
          <Alert variant="error" announce id="form-error">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
      </div>

      <Section id="how" title="How it went">
        <ChoiceGroup
          name="overallImpression"
          legend="Overall, how did the interview go?"
          options={scale(OVERALL)}
          value={draft.overallImpression}
          onChange={(v) => change("overallImpression", v)}
          error={errorOf("overallImpression")}
          ends={["1 · Badly", "Very well · 5"]}
          required
        />
        <ChoiceGroup
          name="interestLevel"
          legend="How interested are you in the job now?"
          options={scale(INTEREST)}
          value={draft.interestLevel}
          onChange={(v) => change("interestLevel", v)}
          error={errorOf("interestLevel")}
          ends={["1 · Not interested", "Very interested · 5"]}
          required
        />
        <TextAreaField
          name="wentWell"
          label="What went well"
          value={draft.wentWell}
          onChange={(v) => change("wentWell", v)}
          error={errorOf("wentWell")}
          maxLength={DEBRIEF_TEXT_FIELDS.wentWell}
        />
        <TextAreaField
          name="concerns"
          label="Concerns or hard moments"
          value={draft.concerns}
          onChange={(v) => change("concerns", v)}
          error={errorOf("concerns")}
          maxLength={DEBRIEF_TEXT_FIELDS.concerns}
        />
        <TextAreaField
          name="questionsAsked"
          label="Questions they asked you"
          value={draft.questionsAsked}
          onChange={(v) => change("questionsAsked", v)}
          error={errorOf("questionsAsked")}
          maxLength={DEBRIEF_TEXT_FIELDS.questionsAsked}
        />
        <TextAreaField
          name="notMentioned"
          label="Qualifications or experience you didn't get to mention"
          hint="One per line. Your plan suggests them for your thank-you notes."
          value={draft.notMentioned}
          onChange={(v) => change("notMentioned", v)}
          error={errorOf("notMentioned")}
          maxLength={DEBRIEF_TEXT_FIELDS.notMentioned}
        />
      </Section>

      <Section
        id="people"
        title="People you met"
        description="Everyone you spoke with, and whether you have thanked them. Your recruiter adds new names to the client's contacts."
      >
        {draft.people.length === 0 ? (
          <p className="rounded-md border border-dashed border-border-strong px-4 py-5 text-center text-sm text-muted-foreground">
            Nobody listed yet. Add each person you met, so the plan can remind you to thank them.
          </p>
        ) : null}
        <ol className="flex flex-col gap-4">
          {draft.people.map((person, index) => (
            <li key={person.id}>
              <PersonCard
                person={person}
                index={index}
                timeZone={timeZone}
                zoneLabel={props.zoneLabel}
                errorOf={errorOf}
                onChange={(patch) => changePerson(index, patch)}
                onRemove={() => removePerson(index)}
              />
            </li>
          ))}
        </ol>
        <FieldError id="people" message={errorOf("people")} />
        {removed ? (
          <Alert variant="info" announce>
            <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
              <span>Removed {removed.person.name || "a person"} from the list.</span>
              <button type="button" className={BUTTON_CLASSES.outlineSmall} onClick={undoRemove}>
                <UndoIcon /> Undo
              </button>
            </AlertDescription>
          </Alert>
        ) : null}
        <button ref={addButtonRef} type="button" className={BUTTON_CLASSES.add} onClick={addPerson}>
          <PlusIcon /> Add someone you met
        </button>
      </Section>

      <Section id="timeline" title="Where they are in the hiring process">
        <ChoiceGroup
          name="timelineGiven"
          legend="Did the interviewer say where they are in the hiring process?"
          options={TIMELINE}
          value={draft.timelineGiven}
          onChange={(v) => change("timelineGiven", v)}
          error={errorOf("timelineGiven")}
          required
        />
        {draft.timelineGiven !== "no" ? (
          <>
            <TextAreaField
              name="timelineDetails"
              label="What did they say about next steps?"
              value={draft.timelineDetails}
              onChange={(v) => change("timelineDetails", v)}
              error={errorOf("timelineDetails")}
              maxLength={DEBRIEF_TEXT_FIELDS.timelineDetails}
              rows={2}
            />
            <InputField
              type="date"
              name="expectedDecisionOn"
              label="When do they expect to decide or reply?"
              hint="Leave it empty if they gave no date."
              min={props.interviewDay}
              value={draft.expectedDecisionOn ?? ""}
              onChange={(v) => change("expectedDecisionOn", v || null)}
              error={errorOf("expectedDecisionOn")}
              className="max-w-xs"
            />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">
            That is worth knowing: your recruiter will ask the client for a timeline.
          </p>
        )}
      </Section>

      <Section id="follow-up" title="What they asked of you">
        <ChoiceGroup
          name="askedToCall"
          legend="Did the interviewer ask you to call them?"
          options={YES_NO}
          value={draft.askedToCall}
          onChange={(v) => change("askedToCall", v)}
          error={errorOf("askedToCall")}
          required
        />
        {draft.askedToCall ? (
          <InputField
            type="date"
            name="callBy"
            label="By when should you call?"
            hint="Leave it empty if they gave no date."
            min={props.interviewDay}
            value={draft.callBy ?? ""}
            onChange={(v) => change("callBy", v || null)}
            error={errorOf("callBy")}
            className="max-w-xs"
          />
        ) : null}
        <ChoiceGroup
          name="invitedBack"
          legend="Were you invited back, for a tour or to meet more of the team?"
          options={YES_NO}
          value={draft.invitedBack}
          onChange={(v) => change("invitedBack", v)}
          error={errorOf("invitedBack")}
          required
        />
        {draft.invitedBack ? (
          <TextAreaField
            name="invitedBackDetails"
            label="What were you invited to?"
            value={draft.invitedBackDetails}
            onChange={(v) => change("invitedBackDetails", v)}
            error={errorOf("invitedBackDetails")}
            maxLength={DEBRIEF_TEXT_FIELDS.invitedBackDetails}
            rows={2}
          />
        ) : null}
      </Section>

      <Section id="more" title="Everything else">
        <TextAreaField
          name="salaryDiscussed"
          label="Salary or terms discussed"
          value={draft.salaryDiscussed}
          onChange={(v) => change("salaryDiscussed", v)}
          error={errorOf("salaryDiscussed")}
          maxLength={DEBRIEF_TEXT_FIELDS.salaryDiscussed}
          rows={2}
        />
        <TextAreaField
          name="otherProcesses"
          label="Other interviews or offers in progress"
          value={draft.otherProcesses}
          onChange={(v) => change("otherProcesses", v)}
          error={errorOf("otherProcesses")}
          maxLength={DEBRIEF_TEXT_FIELDS.otherProcesses}
          rows={2}
        />
        <TextAreaField
          name="availability"
          label="Your availability for a next round"
          value={draft.availability}
          onChange={(v) => change("availability", v)}
          error={errorOf("availability")}
          maxLength={DEBRIEF_TEXT_FIELDS.availability}
          rows={2}
        />
        <TextAreaField
          name="notesForRecruiter"
          label="Anything else for your recruiter"
          value={draft.notesForRecruiter}
          onChange={(v) => change("notesForRecruiter", v)}
          error={errorOf("notesForRecruiter")}
          maxLength={DEBRIEF_TEXT_FIELDS.notesForRecruiter}
        />
      </Section>

      <SubmitBar
        interviewId={interviewId}
        status={status}
        timeZone={timeZone}
        renderedAt={renderedAt}
        submitting={autosave.submitting}
        submitted={submitted}
        problemCount={submitAttempted ? shownErrors.length : 0}
        onRetry={autosave.retryNow}
        onKeepMine={autosave.keepMine}
        onTakeSaved={autosave.takeSaved}
      />
    </form>
  );
}

function PersonCard({
  person,
  index,
  timeZone,
  zoneLabel,
  errorOf,
  onChange,
  onRemove,
}: {
  person: DebriefPersonDraft;
  index: number;
  timeZone: string;
  zoneLabel: string;
  errorOf: (key: string) => string | undefined;
  onChange: (patch: Partial<DebriefPersonDraft>) => void;
  onRemove: () => void;
}) {
  const key = (field: string) => `people.${index}.${field}`;
  const who = person.name.trim() || `Person ${index + 1}`;
  const sentAt = toLocalInput(person.thankYouSentAt, timeZone);
  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-lg border border-border bg-card p-4 shadow-xs">
      <legend className="sr-only">{who}</legend>
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-2.5" aria-hidden="true">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <UserIcon className="size-4" />
          </span>
          <span className="min-w-0">
            <span className="block truncate font-medium">{who}</span>
            {person.contactId ? (
              <span className={CONTROL_CLASSES.badge}>Scheduled interviewer</span>
            ) : null}
          </span>
        </div>
        <button type="button" className={BUTTON_CLASSES.remove} onClick={onRemove} aria-label={`Remove ${who} from the list`}>
          <TrashIcon className="size-5" />
        </button>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          name={key("name")}
          label="Name"
          autoComplete="off"
          value={person.name}
          maxLength={DEBRIEF_LIMITS.name}
          onChange={(v) => onChange({ name: v })}
          error={errorOf(key("name"))}
          required
        />
        <InputField
          name={key("title")}
          label="Job title"
          autoComplete="off"
          value={person.title}
          maxLength={DEBRIEF_LIMITS.title}
          onChange={(v) => onChange({ title: v })}
          error={errorOf(key("title"))}
        />
        <InputField
          name={key("email")}
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={person.email}
          maxLength={DEBRIEF_LIMITS.email}
          onChange={(v) => onChange({ email: v })}
          error={errorOf(key("email"))}
        />
        <InputField
          name={key("phone")}
          label="Phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={person.phone}
          maxLength={DEBRIEF_LIMITS.phone}
          onChange={(v) => onChange({ phone: v })}
          error={errorOf(key("phone"))}
        />
      </div>
      <div className="flex flex-col gap-3 rounded-md bg-subtle p-3">
        <div className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            id={fieldId(key("thankYouSent"))}
            data-field={key("thankYouSent")}
            className={CONTROL_CLASSES.checkbox}
            checked={person.thankYouSent}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? {
                      thankYouSent: true,
                      thankYouSentAt: person.thankYouSentAt ?? new Date().toISOString(),
                      thankYouChannel: person.thankYouChannel ?? "email",
                    }
                  : { thankYouSent: false },
              )
            }
          />
          <Label htmlFor={fieldId(key("thankYouSent"))} normal>
            I sent {person.name.trim() || "this person"} a thank-you note
          </Label>
        </div>
        {person.thankYouSent ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <InputField
              name={key("thankYouSentAt")}
              label="When"
              hint={`Your firm's time (${zoneLabel}).`}
              type="datetime-local"
              value={sentAt}
              onChange={(v) => {
                const at = fromLocalInput(v, timeZone);
                onChange({ thankYouSentAt: at ? at.toISOString() : null });
              }}
              error={errorOf(key("thankYouSentAt"))}
            />
            <div className="flex min-w-0 flex-col gap-1.5">
              <Label htmlFor={fieldId(key("thankYouChannel"))}>How</Label>
              <div className="relative w-full min-w-0">
                <select
                  id={fieldId(key("thankYouChannel"))}
                  data-field={key("thankYouChannel")}
                  className={CONTROL_CLASSES.select}
                  value={person.thankYouChannel ?? ""}
                  onChange={(e) => onChange({ thankYouChannel: (e.target.value || null) as ThankYouChannel | null })}
                  aria-invalid={errorOf(key("thankYouChannel")) ? true : undefined}
                  aria-describedby={errorOf(key("thankYouChannel")) ? `${fieldId(key("thankYouChannel"))}-error` : undefined}
                >
                  <option value="">Choose…</option>
                  {THANK_YOU_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {THANK_YOU_CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </select>
                <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
              </div>
              <FieldError id={fieldId(key("thankYouChannel"))} message={errorOf(key("thankYouChannel"))} />
            </div>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

function SaveIndicator({ status, timeZone, renderedAt }: { status: SaveStatus; timeZone: string; renderedAt: Date }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== "retrying") return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [status.kind]);

  switch (status.kind) {
    case "idle":
      return <span className="text-muted-foreground">Your answers save as you type.</span>;
    case "pending":
      return <span className="text-muted-foreground">Changes not saved yet…</span>;
    case "saving":
      return (
        <span className="inline-flex items-center gap-1.5 text-muted-foreground">
          <LoaderIcon className="size-4 animate-spin" /> Saving…
        </span>
      );
    case "saved":
      return (
        <span className="inline-flex items-center gap-1.5 text-done-foreground" data-testid="save-status">
          <CheckIcon className="size-4" /> Saved{" "}
          {dayLabel(new Date(status.at), timeZone, renderedAt) === "today"
            ? timeLabel(new Date(status.at), timeZone)
            : whenLabel(new Date(status.at), timeZone, renderedAt)}
        </span>
      );
    case "retrying": {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-overdue-foreground">
          <CloudOffIcon className="size-4 shrink-0" />
          Not saved. {seconds > 0 ? `Trying again in ${seconds} s.` : "Trying again…"}
        </span>
      );
    }
    case "signed_out":
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-overdue-foreground">
          <CloudOffIcon className="size-4 shrink-0" /> Not saved: signed out
        </span>
      );
    case "conflict":
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-due-foreground">
          <CircleAlertIcon className="size-4 shrink-0" /> Changed elsewhere
        </span>
      );
    case "rejected":
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-overdue-foreground">
          <CircleAlertIcon className="size-4 shrink-0" /> Not saved
        </span>
      );
  }
}

/** What a screen reader hears: failures and recoveries, not every "Saving…". */
function announcementFor(status: SaveStatus): string {
  switch (status.kind) {
    case "retrying":
      return status.attempt === 1 ? "Your changes could not be saved. Trying again." : "";
    case "signed_out":
      return "Your session has ended. Your answers are kept on this device; sign in again to save them.";
    case "conflict":
      return "This debrief was changed elsewhere. Choose which version to keep.";
    case "rejected":
      return `Not saved. ${status.message}`;
    default:
      return "";
  }
}

function SubmitBar({
  interviewId,
  status,
  timeZone,
  renderedAt,
  submitting,
  submitted,
  problemCount,
  onRetry,
  onKeepMine,
  onTakeSaved,
}: {
  interviewId: string;
  status: SaveStatus;
  timeZone: string;
  renderedAt: Date;
  submitting: boolean;
  submitted: boolean;
  problemCount: number;
  onRetry: () => void;
  onKeepMine: () => void;
  onTakeSaved: () => void;
}) {
  const [announcement, setAnnouncement] = useState("");
  const lastKind = useRef(status.kind);
  useEffect(() => {
    const message = announcementFor(status);
    const recovered = status.kind === "saved" && ["retrying", "signed_out", "conflict", "rejected"].includes(lastKind.current);
    lastKind.current = status.kind;
    // Announce only changes worth interrupting for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (message) setAnnouncement(message);
    else if (recovered) setAnnouncement("All changes saved.");
  }, [status]);

  const signIn = `/sign-in?${new URLSearchParams({ next: `/my/interviews/${interviewId}/debrief` })}`;
  return (
    <div className="sticky bottom-[calc(4rem+1px+env(safe-area-inset-bottom))] z-30 -mx-4 mt-2 border-t border-border bg-background/95 px-4 pt-3 pb-3 shadow-[0_-4px_12px_-8px_rgb(0_0_0/0.25)] backdrop-blur md:bottom-0 md:mx-0 md:rounded-t-lg md:border-x">
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
      {status.kind === "signed_out" ? (
        <Alert variant="warning" className="mb-3">
          <AlertDescription className="flex flex-col gap-2">
            <span>Your session has ended. Your answers are kept on this device and are saved as soon as you sign in again.</span>
            {/* A full page load: the session is new, and nothing else is in flight. */}
            <a href={signIn} className={`${BUTTON_CLASSES.primary} self-start`}>
              Sign in again
            </a>
          </AlertDescription>
        </Alert>
      ) : null}
      {status.kind === "conflict" ? (
        <Alert variant="warning" className="mb-3">
          <AlertDescription className="flex flex-col gap-2">
            <span>
              This debrief was changed in another window or on another device
              {status.current?.lastSavedAt ? ` (saved ${timeLabel(new Date(status.current.lastSavedAt), timeZone)})` : ""}. Which
              version do you want to keep?
            </span>
            <span className="flex flex-wrap gap-2">
              <button type="button" className={BUTTON_CLASSES.primary} onClick={onKeepMine}>
                Keep what is on this page
              </button>
              {status.current ? (
                <button type="button" className={BUTTON_CLASSES.outline} onClick={onTakeSaved}>
                  Use the saved version
                </button>
              ) : null}
            </span>
          </AlertDescription>
        </Alert>
      ) : null}
      {status.kind === "rejected" ? (
        <p className="mb-2 text-sm text-overdue-foreground">{status.message}</p>
      ) : null}
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1 text-sm leading-5">
          {problemCount > 0 ? (
            <span className="block font-medium text-overdue-foreground">
              {problemCount === 1 ? "1 answer needs attention" : `${problemCount} answers need attention`}
            </span>
          ) : null}
          <SaveIndicator status={status} timeZone={timeZone} renderedAt={renderedAt} />
          {status.kind === "retrying" || status.kind === "rejected" ? (
            <button type="button" className={BUTTON_CLASSES.link} onClick={onRetry}>
              Retry now
            </button>
          ) : null}
        </div>
        <button type="submit" className={BUTTON_CLASSES.submit} disabled={submitting} aria-busy={submitting || undefined}>
          {submitting ? <LoaderIcon className="animate-spin" /> : null}
          {submitting ? "Sending…" : submitted ? "Submit amendment" : "Submit debrief"}
        </button>
      </div>
    </div>
  );
}
