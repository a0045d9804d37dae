"use client";

import { useEffect, useRef, useState } from "react";
import type { DebriefDraft, DebriefPersonDraft } from "@/lib/core/validation/debrief-rules";
import { FieldError, Section, fieldId } from "../debrief-fields";
import { Alert, AlertDescription, BUTTON_CLASSES, PlusIcon, UndoIcon } from "../debrief-ui";
import { PersonCard } from "./person-card";

/** A UUID version 7 (time-ordered, like the server's ids), from the browser's random source. */
function uuidv7(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  const ms = Date.now();
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function emptyPerson(): DebriefPersonDraft {
  return {
    id: uuidv7(),
    contactId: null,
    name: "",
    title: "",
    email: "",
    phone: "",
    thankYouSent: false,
    thankYouSentAt: null,
    thankYouChannel: null,
  };
}

/**
 * Whom the candidate met. Adding a person focuses their name; removing one can be undone
 * (the person comes back where they were) and moves the focus to "Add someone you met".
 */
export function PeopleMetSection({
  people,
  update,
  errorOf,
  clearServerError,
  clearServerErrors,
  timeZone,
  zoneLabel,
}: {
  people: DebriefPersonDraft[];
  update: (change: (d: DebriefDraft) => DebriefDraft) => void;
  errorOf: (key: string) => string | undefined;
  /** Drops the server's problem with one field, once the candidate changed it. */
  clearServerError: (key: string) => void;
  /** Drops all the server's problems (their keys name people by position). */
  clearServerErrors: () => void;
  timeZone: string;
  zoneLabel: string;
}) {
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [removed, setRemoved] = useState<{ person: DebriefPersonDraft; index: number } | null>(null);
  const [focusPerson, setFocusPerson] = useState<string | null>(null);

  useEffect(() => {
    if (!focusPerson) return;
    document.getElementById(fieldId(`people.${people.findIndex((p) => p.id === focusPerson)}.name`))?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-shot focus request
    setFocusPerson(null);
  }, [focusPerson, people]);

  function changePerson(index: number, patch: Partial<DebriefPersonDraft>) {
    for (const key of Object.keys(patch)) clearServerError(`people.${index}.${key}`);
    update((d) => ({ ...d, people: d.people.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  }

  function addPerson() {
    const person = emptyPerson();
    clearServerError("people");
    update((d) => ({ ...d, people: [...d.people, person] }));
    setRemoved(null);
    setFocusPerson(person.id);
  }

  function removePerson(index: number) {
    const person = people[index];
    if (!person) return;
    clearServerErrors();
    update((d) => ({ ...d, people: d.people.filter((_, i) => i !== index) }));
    setRemoved({ person, index });
    addButtonRef.current?.focus();
  }

  function undoRemove() {
    if (!removed) return;
    const { person, index } = removed;
    update((d) => {
      const list = [...d.people];
      list.splice(Math.min(index, list.length), 0, person);
      return { ...d, people: list };
    });
    setRemoved(null);
    setFocusPerson(person.id);
  }

  return (
    <Section
      id="people"
      title="People you met"
      description="Everyone you spoke with, and whether you have thanked them. Your recruiter adds new names to the client's contacts."
    >
      {people.length === 0 ? (
        <p className="rounded-md border border-dashed border-border-strong px-4 py-5 text-center text-sm text-muted-foreground">
          Nobody listed yet. Add each person you met, so the plan can remind you to thank them.
        </p>
      ) : null}
      <ol className="flex flex-col gap-4">
        {people.map((person, index) => (
          <li key={person.id}>
            <PersonCard
              person={person}
              index={index}
              timeZone={timeZone}
              zoneLabel={zoneLabel}
              errorOf={errorOf}
              onChange={(patch) => changePerson(index, patch)}
              onRemove={() => removePerson(index)}
            />
          </li>
        ))}
      </ol>
      <FieldError id="people" message={errorOf("people")} />
      {removed ? (
        <Alert variant="info" announce>
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>Removed {removed.person.name || "a person"} from the list.</span>
            <button type="button" className={BUTTON_CLASSES.outlineSmall} onClick={undoRemove}>
              <UndoIcon /> Undo
            </button>
          </AlertDescription>
        </Alert>
      ) : null}
      <button ref={addButtonRef} type="button" className={BUTTON_CLASSES.add} onClick={addPerson}>
        <PlusIcon /> Add someone you met
      </button>
    </Section>
  );
}
