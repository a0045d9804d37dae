"use client";

import { DraftChoice, DraftText, type DraftForm } from "./draft-fields";
import { Section } from "../debrief-fields";

type Scale = { field: "overallImpression" | "interestLevel"; legend: string; words: string[]; ends: [string, string] };

/** A 1–5 scale, each answer read out by its word. */
function ScaleChoice({ form, scale: { field, legend, words, ends } }: { form: DraftForm; scale: Scale }) {
  const options = words.map((w, i) => ({ value: i + 1, label: String(i + 1), srLabel: w }));
  return <DraftChoice form={form} field={field} legend={legend} options={options} ends={ends} />;
}

const OVERALL: Scale = {
  field: "overallImpression",
  legend: "Overall, how did the interview go?",
  words: ["badly", "not well", "okay", "well", "very well"],
  ends: ["1 · Badly", "Very well · 5"],
};
const INTEREST: Scale = {
  field: "interestLevel",
  legend: "How interested are you in the job now?",
  words: ["not interested", "a little", "somewhat", "quite", "very interested"],
  ends: ["1 · Not interested", "Very interested · 5"],
};

/** How the interview went, how keen the candidate is now, and what they did not get to mention. */
export function HowItWentSection({ form }: { form: DraftForm }) {
  return (
    <Section id="how" title="How it went">
      <ScaleChoice form={form} scale={OVERALL} />
      <ScaleChoice form={form} scale={INTEREST} />
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
