"use client";

import { fromLocalInput, toLocalInput } from "@/app/(candidate)/_components/format";
import type { DebriefPersonDraft } from "@/lib/core/validation/debrief-rules";
import { THANK_YOU_CHANNEL_LABELS, THANK_YOU_CHANNELS, type ThankYouChannel } from "@/lib/core/vocabulary";
import { FieldError, InputField, fieldId } from "../debrief-fields";
import { CONTROL_CLASSES, ChevronDownIcon, Label } from "../debrief-ui";

/**
 * Whether the candidate thanked one person they met, and when and how. Ticking the box
 * fills in now and email, which the candidate can change.
 */
export function ThankYouNote({
  person,
  fieldKey: key,
  timeZone,
  zoneLabel,
  errorOf,
  onChange,
}: {
  person: DebriefPersonDraft;
  /** The draft key of one of this person's fields ("people.0.thankYouSent"). */
  fieldKey: (field: string) => string;
  timeZone: string;
  zoneLabel: string;
  errorOf: (key: string) => string | undefined;
  onChange: (patch: Partial<DebriefPersonDraft>) => void;
}) {
  const sentAt = toLocalInput(person.thankYouSentAt, timeZone);
  return (
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
  );
}
