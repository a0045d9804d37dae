"use client";

import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import type { FormState } from "@/lib/core/form-state";
import { RecordForm } from "../_components/record-form";
import { INTERVIEW_KIND_LABELS, INTERVIEW_KINDS as INTERVIEW_KIND_VALUES } from "@/lib/core/vocabulary";

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
            <div className="flex flex-col gap-1.5 sm:max-w-xs">
              <FormField name="kind" label="Kind of interview" error={f.error("kind")} required>
                <Select defaultValue={f.value("kind") ?? "video"}>
                  {INTERVIEW_KIND_VALUES.map((k) => (
                    <option key={k} value={k}>
                      {INTERVIEW_KIND_LABELS[k]}
                    </option>
                  ))}
                </Select>
              </FormField>
              {f.conflictNote("kind")}
            </div>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">When</legend>
              <p className="text-[0.8125rem] text-muted-foreground" id="when-hint">
                Times in {zoneLabel}, your firm&apos;s time zone.
              </p>
              <div className="grid gap-3 sm:grid-cols-[12rem_8rem_8rem]">
                <div className="flex flex-col gap-1.5">
                  <FormField name="date" label="Day" error={f.error("date")} required>
                    <Input type="date" defaultValue={f.value("date")} aria-describedby="when-hint" />
                  </FormField>
                  {f.conflictNote("date")}
                </div>
                <div className="flex flex-col gap-1.5">
                  <FormField name="startTime" label="Starts" error={f.error("startTime")} required>
                    <Input type="time" defaultValue={f.value("startTime")} step={300} aria-describedby="when-hint" />
                  </FormField>
                  {f.conflictNote("startTime")}
                </div>
                <div className="flex flex-col gap-1.5">
                  <FormField name="endTime" label="Ends" error={f.error("endTime")} required>
                    <Input type="time" defaultValue={f.value("endTime")} step={300} aria-describedby="when-hint" />
                  </FormField>
                  {f.conflictNote("endTime")}
                </div>
              </div>
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-1.5">
                <FormField name="location" label="Place" hint="Address or room, for onsite rounds." error={f.error("location")}>
                  <Input defaultValue={f.value("location")} maxLength={500} autoComplete="off" />
                </FormField>
                {f.conflictNote("location")}
              </div>
              <div className="flex flex-col gap-1.5">
                <FormField name="videoUrl" label="Video link" hint="For video rounds." error={f.error("videoUrl")}>
                  <Input defaultValue={f.value("videoUrl")} maxLength={1000} inputMode="url" autoComplete="off" />
                </FormField>
                {f.conflictNote("videoUrl")}
              </div>
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
            <FormField name="notes" label="Notes" hint="Internal: not shown to the candidate." error={f.error("notes")}>
              <Textarea defaultValue={f.value("notes")} maxLength={5000} rows={3} />
            </FormField>
            {f.conflictNote("notes")}
            {note ? <p className="text-[0.8125rem] text-muted-foreground">{note}</p> : null}
            <div className="flex gap-2">
              <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
              <Button asChild variant="ghost">
                <Link href={cancelHref}>Cancel</Link>
              </Button>
            </div>
          </>
        );
      }}
    </RecordForm>
  );
}
