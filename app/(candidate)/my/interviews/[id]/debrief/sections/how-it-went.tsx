"use client";

import { DraftChoice, DraftText, type DraftForm } from "./draft-fields";
import { Section } from "../debrief-fields";

const OVERALL = ["badly", "not well", "okay", "well", "very well"];
const INTEREST = ["not interested", "a little", "somewhat", "quite", "very interested"];
const scale = (words: string[]) => words.map((w, i) => ({ value: i + 1, label: String(i + 1), srLabel: w }));

/** How the interview went, how keen the candidate is now, and what they did not get to mention. */
export function HowItWentSection({ form }: { form: DraftForm }) {
  return (
    <Section id="how" title="How it went">
      <DraftChoice
        form={form}
        field="overallImpression"
        legend="Overall, how did the interview go?"
        options={scale(OVERALL)}
        ends={["1 · Badly", "Very well · 5"]}
      />
      <DraftChoice
        form={form}
        field="interestLevel"
        legend="How interested are you in the job now?"
        options={scale(INTEREST)}
        ends={["1 · Not interested", "Very interested · 5"]}
      />
      <DraftText form={form} field="wentWell" label="What went well" />
      <DraftText form={form} field="concerns" label="Concerns or hard moments" />
      <DraftText form={form} field="questionsAsked" label="Questions they asked you" />
      <DraftText
        form={form}
        field="notMentioned"
        label="Qualifications or experience you didn't get to mention"
        hint="One per line. Your plan suggests them for your thank-you notes."
      />
    </Section>
  );
}
