"use client";

import { Checkbox } from "@/app/_components/ui/checkbox";
import { FormField } from "@/app/_components/ui/form-field";
import type { FormState } from "@/lib/core/form-state";
import { INTERVIEW_KIND_LABELS, INTERVIEW_KINDS as INTERVIEW_KIND_VALUES } from "@/lib/core/vocabulary";
import { RecordForm } from "../_components/record-form";
import { FormButtons, SelectField, TextAreaField, TextField } from "../_components/records/record-fields";

const KIND_OPTIONS = INTERVIEW_KIND_VALUES.map((k) => ({ value: k, label: INTERVIEW_KIND_LABELS[k] }));

export interface InterviewerOption {
  id: string;
  name: string;
  title: string;
  archived: boolean;
}

/**
 * Schedules or reschedules one round. The day and times are the firm's wall
 * clock (its time zone is named beside them); the server turns them into
 * instants with TZDate.
 */
export function InterviewForm({
  action,
  initial,
  version,
  hidden,
  interviewers,
  clientName,
  zoneLabel,
  submitLabel,
  cancelHref,
  note,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Record<string, string | string[]>;
  version?: number;
  hidden: Record<string, string>;
  interviewers: InterviewerOption[];
  clientName: string;
  zoneLabel: string;
  submitLabel: string;
  cancelHref: string;
  note?: string;
}) {
  return (
    <RecordForm action={action} initial={initial} version={version} className="flex max-w-2xl flex-col gap-5">
      {(f) => {
        const chosen = new Set(f.values("contactIds"));
        const interviewerError = f.error("contactIds");
        return (
          <>
            {Object.entries(hidden).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            {f.error("applicationId") ? (
              <p id="applicationId-error" className="text-[0.8125rem] font-medium text-overdue-foreground">
                {f.error("applicationId")![0]}
              </p>
            ) : null}
            <SelectField f={f} name="kind" label="Kind of interview" required cellClassName="sm:max-w-xs" fallback="video" options={KIND_OPTIONS} />
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">When</legend>
              <p className="text-[0.8125rem] text-muted-foreground" id="when-hint">
                Times in {zoneLabel}, your firm&apos;s time zone.
              </p>
              <div className="grid gap-3 sm:grid-cols-[12rem_8rem_8rem]">
                <TextField f={f} name="date" label="Day" required type="date" aria-describedby="when-hint" />
                <TextField f={f} name="startTime" label="Starts" required type="time" step={300} aria-describedby="when-hint" />
                <TextField f={f} name="endTime" label="Ends" required type="time" step={300} aria-describedby="when-hint" />
              </div>
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField f={f} name="location" label="Place" hint="Address or room, for onsite rounds." maxLength={500} autoComplete="off" />
              <TextField f={f} name="videoUrl" label="Video link" hint="For video rounds." maxLength={1000} inputMode="url" autoComplete="off" />
            </div>
            <fieldset className="flex flex-col gap-2" aria-describedby={interviewerError ? "contactIds-error" : "contactIds-hint"}>
              <legend className="text-sm font-medium">Interviewers</legend>
              <p id="contactIds-hint" className="text-[0.8125rem] text-muted-foreground">
                {clientName}&apos;s people. Add someone new on the{" "}
                <span className="font-medium">client&apos;s page</span> first.
              </p>
              {interviewers.length === 0 ? (
                <p className="text-sm text-muted-foreground">{clientName} has no contacts yet.</p>
              ) : (
                <ul className="grid gap-1.5 sm:grid-cols-2">
                  {interviewers.map((c, i) => (
                    <li key={c.id} className="flex items-start gap-2">
                      <Checkbox
                        id={`contact-${c.id}`}
                        name="contactIds"
                        value={c.id}
                        defaultChecked={chosen.has(c.id)}
                        aria-invalid={interviewerError && i === 0 ? true : undefined}
                        className="mt-0.5"
                      />
                      <label htmlFor={`contact-${c.id}`} className="text-sm leading-5">
                        {c.name}
                        {c.title ? <span className="text-muted-foreground"> · {c.title}</span> : null}
                        {c.archived ? <span className="text-muted-foreground"> (archived)</span> : null}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              {interviewerError ? (
                <div id="contactIds-error" className="flex flex-col gap-0.5">
                  {interviewerError.map((e) => (
                    <p key={e} className="text-[0.8125rem] font-medium text-overdue-foreground">
                      {e}
                    </p>
                  ))}
                </div>
              ) : null}
              {f.conflictNote("contactIds")}
            </fieldset>
            <FormField
              name="arrangedByFirm"
              label="Your firm arranged this interview"
              hint="The candidate's debrief is then due within a day."
              orientation="horizontal"
              error={f.error("arrangedByFirm")}
            >
              <Checkbox defaultChecked={f.value("arrangedByFirm") === "on"} />
            </FormField>
            {f.conflictNote("arrangedByFirm")}
            <TextAreaField f={f} name="notes" label="Notes" hint="Internal: not shown to the candidate." maxLength={5000} rows={3} />
            {note ? <p className="text-[0.8125rem] text-muted-foreground">{note}</p> : null}
            <FormButtons submitLabel={submitLabel} cancelHref={cancelHref} />
          </>
        );
      }}
    </RecordForm>
  );
}
