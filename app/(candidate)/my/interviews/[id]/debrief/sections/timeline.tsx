"use client";

import { DraftChoice, DraftDate, DraftText, type DraftForm } from "./draft-fields";
import { Section } from "../debrief-fields";

const TIMELINE = [
  { value: "yes" as const, label: "Yes" },
  { value: "no" as const, label: "No" },
  { value: "unsure" as const, label: "Not sure" },
];

/** The timeline the candidate was told: where the client is in hiring, and when it expects to decide. */
export function TimelineSection({ form, interviewDay }: { form: DraftForm; interviewDay: string }) {
  return (
    <Section id="timeline" title="Where they are in the hiring process">
      <DraftChoice
        form={form}
        field="timelineGiven"
        legend="Did the interviewer say where they are in the hiring process?"
        options={TIMELINE}
      />
      {form.draft.timelineGiven !== "no" ? (
        <>
          <DraftText form={form} field="timelineDetails" label="What did they say about next steps?" rows={2} />
          <DraftDate form={form} field="expectedDecisionOn" label="When do they expect to decide or reply?" interviewDay={interviewDay} />
        </>
      ) : (
        <p className="text-sm text-muted-foreground">That is worth knowing: your recruiter will ask the client for a timeline.</p>
      )}
    </Section>
  );
}
