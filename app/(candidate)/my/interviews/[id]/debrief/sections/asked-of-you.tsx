"use client";

import { CALL_INVITATIONS, CALL_INVITATION_LABELS } from "@/lib/core/vocabulary";
import { DraftChoice, DraftDate, DraftText, DraftTime, YES_NO, type DraftForm } from "./draft-fields";
import { Section } from "../debrief-fields";

const CALL_CHOICES = CALL_INVITATIONS.map((value) => ({ value, label: CALL_INVITATION_LABELS[value] }));

/** What the interviewer asked of the candidate: what they said about calling, a visit back. */
export function AskedOfYouSection({ form, interviewDay }: { form: DraftForm; interviewDay: string }) {
  const invitation = form.draft.callInvitation;
  return (
    <Section id="follow-up" title="What they asked of you">
      <DraftChoice
        form={form}
        field="callInvitation"
        legend="What did the interviewer say about calling them?"
        options={CALL_CHOICES}
        columns={1}
      />
      {invitation === "on_day" ? (
        <>
          <DraftDate
            form={form}
            field="callBy"
            label="Which day did they name?"
            hint="Your plan puts the call on or by this day."
            interviewDay={interviewDay}
            required
          />
          <DraftTime form={form} field="callTime" label="At what time? (optional)" hint="Only if they named a time, in your firm's time zone." />
        </>
      ) : invitation === "if_no_news" ? (
        <DraftDate
          form={form}
          field="callBy"
          label="Call if there is no news by which date?"
          hint="Your plan allows one call a few business days after this date, if there is still no news."
          interviewDay={interviewDay}
          required
        />
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
