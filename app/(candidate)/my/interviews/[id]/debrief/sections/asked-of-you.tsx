"use client";

import { DraftChoice, DraftDate, DraftText, YES_NO, type DraftForm } from "./draft-fields";
import { Section } from "../debrief-fields";

/** What the interviewer asked of the candidate: a call by a date, a visit back. */
export function AskedOfYouSection({ form, interviewDay }: { form: DraftForm; interviewDay: string }) {
  return (
    <Section id="follow-up" title="What they asked of you">
      <DraftChoice form={form} field="askedToCall" legend="Did the interviewer ask you to call them?" options={YES_NO} />
      {form.draft.askedToCall ? (
        <DraftDate form={form} field="callBy" label="By when should you call?" interviewDay={interviewDay} />
      ) : null}
      <DraftChoice
        form={form}
        field="invitedBack"
        legend="Were you invited back, for a tour or to meet more of the team?"
        options={YES_NO}
      />
      {form.draft.invitedBack ? (
        <DraftText form={form} field="invitedBackDetails" label="What were you invited to?" rows={2} />
      ) : null}
    </Section>
  );
}
