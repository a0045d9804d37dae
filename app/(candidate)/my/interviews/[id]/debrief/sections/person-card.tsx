"use client";

import { DEBRIEF_LIMITS, type DebriefPersonDraft } from "@/lib/core/validation/debrief-rules";
import { InputField } from "../debrief-fields";
import { BUTTON_CLASSES, CONTROL_CLASSES, TrashIcon, UserIcon } from "../debrief-ui";
import { ThankYouNote } from "./thank-you-note";

/** One person the candidate met: who they are, and whether (when, how) the candidate thanked them. */
export function PersonCard({
  person,
  index,
  timeZone,
  zoneLabel,
  errorOf,
  onChange,
  onRemove,
}: {
  person: DebriefPersonDraft;
  index: number;
  timeZone: string;
  zoneLabel: string;
  errorOf: (key: string) => string | undefined;
  onChange: (patch: Partial<DebriefPersonDraft>) => void;
  onRemove: () => void;
}) {
  const key = (field: string) => `people.${index}.${field}`;
  const who = person.name.trim() || `Person ${index + 1}`;
  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-lg border border-border bg-card p-4 shadow-xs">
      <legend className="sr-only">{who}</legend>
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-2.5" aria-hidden="true">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <UserIcon className="size-4" />
          </span>
          <span className="min-w-0">
            <span className="block truncate font-medium">{who}</span>
            {person.contactId ? (
              <span className={CONTROL_CLASSES.badge}>Scheduled interviewer</span>
            ) : null}
          </span>
        </div>
        <button type="button" className={BUTTON_CLASSES.remove} onClick={onRemove} aria-label={`Remove ${who} from the list`}>
          <TrashIcon className="size-5" />
        </button>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          name={key("name")}
          label="Name"
          autoComplete="off"
          value={person.name}
          maxLength={DEBRIEF_LIMITS.name}
          onChange={(v) => onChange({ name: v })}
          error={errorOf(key("name"))}
          required
        />
        <InputField
          name={key("title")}
          label="Job title"
          autoComplete="off"
          value={person.title}
          maxLength={DEBRIEF_LIMITS.title}
          onChange={(v) => onChange({ title: v })}
          error={errorOf(key("title"))}
        />
        <InputField
          name={key("email")}
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={person.email}
          maxLength={DEBRIEF_LIMITS.email}
          onChange={(v) => onChange({ email: v })}
          error={errorOf(key("email"))}
        />
        <InputField
          name={key("phone")}
          label="Phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={person.phone}
          maxLength={DEBRIEF_LIMITS.phone}
          onChange={(v) => onChange({ phone: v })}
          error={errorOf(key("phone"))}
        />
      </div>
      <ThankYouNote person={person} fieldKey={key} timeZone={timeZone} zoneLabel={zoneLabel} errorOf={errorOf} onChange={onChange} />
    </fieldset>
  );
}
