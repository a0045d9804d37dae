"use client";

import { DraftText, type DraftForm } from "./draft-fields";
import { Section } from "../debrief-fields";

/** Terms, other processes, availability and a note for the recruiter. */
export function EverythingElseSection({ form }: { form: DraftForm }) {
  return (
    <Section id="more" title="Everything else">
      <DraftText form={form} field="salaryDiscussed" label="Salary or terms discussed" rows={2} />
      <DraftText form={form} field="otherProcesses" label="Other interviews or offers in progress" rows={2} />
      <DraftText form={form} field="availability" label="Your availability for a next round" rows={2} />
      <DraftText form={form} field="notesForRecruiter" label="Anything else for your recruiter" />
    </Section>
  );
}
