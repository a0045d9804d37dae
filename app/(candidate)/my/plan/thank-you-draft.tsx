"use client";

import { ClipboardCopy, Mail } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { buildThankYouDraft, thankYouMailto, thankYouText, type ThankYouDraftFacts } from "@/lib/core/follow-up/thank-you-draft";

/**
 * A thank-you note the candidate can send in a minute: *Write to <person>*
 * opens their mail app with a short draft (subject and body), *Copy the note*
 * puts the same text on the clipboard for LinkedIn or a card, and the draft
 * can be edited here first. Built on this device from the candidate's own
 * debrief; nothing here is stored or sent by the app.
 */
export function ThankYouDraftActions({ email, facts }: { email: string | null; facts: ThankYouDraftFacts }) {
  const initial = useMemo(() => buildThankYouDraft(facts), [facts]);
  const [body, setBody] = useState(initial.body);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const [editing, setEditing] = useState(false);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const draft = { subject: initial.subject, body };
  const person = facts.personName.trim() || "your interviewer";

  async function copyNote() {
    try {
      await navigator.clipboard.writeText(thankYouText(draft));
      setCopy("copied");
    } catch {
      // No clipboard (an old browser, a denied permission): the text is shown to copy by hand.
      setCopy("failed");
      setEditing(true);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {email ? (
          <a
            href={thankYouMailto(email, draft)}
            className="inline-flex min-h-11 items-center gap-1.5 font-medium break-all text-accent-text underline-offset-4 hover:underline"
          >
            <Mail aria-hidden="true" className="size-4 shrink-0" /> Write to {person}
            <span className="sr-only"> ({email}, opens your mail app with a draft)</span>
          </a>
        ) : null}
        <Button type="button" variant="outline" size="lg" className="h-11" onClick={copyNote}>
          <ClipboardCopy aria-hidden="true" /> Copy the note<span className="sr-only"> to {person}</span>
        </Button>
        <span role="status" className="text-sm font-medium text-done-foreground">
          {copy === "copied" ? "Copied" : copy === "failed" ? "Could not copy: select the draft below and copy it." : ""}
        </span>
      </div>
      <details open={editing} onToggle={(e) => setEditing(e.currentTarget.open)} className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent-text underline-offset-4 hover:underline">
          See or edit the draft
        </summary>
        <div className="mt-1 flex flex-col gap-1.5">
          <label htmlFor={`${uid}-draft`} className="font-medium">
            Your note to {person}
          </label>
          <textarea
            id={`${uid}-draft`}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setCopy("idle");
            }}
            rows={10}
            className="block min-h-24 w-full resize-y rounded-md border border-input bg-background px-3 py-2 text-base leading-relaxed sm:text-sm"
          />
          <p className="text-muted-foreground">
            Written from your debrief on this device. Make it yours; it is not saved or sent by us.
          </p>
        </div>
      </details>
    </div>
  );
}
