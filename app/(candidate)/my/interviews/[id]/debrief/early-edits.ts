import type { DebriefDraft } from "@/lib/core/validation/debrief";

/**
 * Answers given before the page's script took over. The form is rendered on
 * the server, so on a slow phone a candidate can tap and type for a moment
 * before React hydrates it; React keeps what the controls show but its state
 * still holds the server's draft, so those answers were neither saved nor
 * submitted, and a later render quietly put the controls back. On hydration
 * the form reads every control the candidate changed (its value differs from
 * the one the server rendered) into the draft.
 *
 * Controls are named after their field key ("overallImpression",
 * "people.0.email"); radio values are the option's value as text.
 */

type Scalar = string | number | boolean | null;

/** A radio's text value as the draft's type: "true"/"false", a number, or the text. */
function parseChoice(text: string): Scalar {
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^-?\d+$/.test(text)) return Number(text);
  return text;
}

/** The value the candidate gave a control, if they changed it; undefined when untouched. */
function changedValue(controls: Element[], current: Scalar): Scalar | undefined {
  const radios = controls.filter((c): c is HTMLInputElement => c instanceof HTMLInputElement && c.type === "radio");
  if (radios.length > 0) {
    if (!radios.some((r) => r.checked !== r.defaultChecked)) return undefined;
    const checked = radios.find((r) => r.checked);
    return checked ? parseChoice(checked.value) : undefined;
  }
  const [control] = controls;
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
    return control.checked !== control.defaultChecked ? control.checked : undefined;
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    // A date-time shown in the zone is not the draft's ISO instant: left to the candidate's next edit.
    if (control instanceof HTMLInputElement && control.type === "datetime-local") return undefined;
    if (control.value === control.defaultValue) return undefined;
    if (typeof current === "number") return control.value === "" ? null : Number(control.value);
    return control.value === "" && (current === null || control.type === "date") ? null : control.value;
  }
  return undefined;
}

function controlsNamed(form: HTMLFormElement, name: string): Element[] {
  return Array.from(form.elements).filter((el) => (el as HTMLInputElement).name === name);
}

/** The draft with the answers given before hydration; the same object when there were none. */
export function withEarlyEdits(form: HTMLFormElement, draft: DebriefDraft): DebriefDraft {
  let next: DebriefDraft = draft;
  for (const key of Object.keys(draft) as (keyof DebriefDraft)[]) {
    if (key === "people") continue;
    const current = draft[key] as Scalar;
    const value = changedValue(controlsNamed(form, key), current);
    if (value !== undefined && value !== current) next = { ...next, [key]: value };
  }
  const people = draft.people.map((person, index) => {
    let changed = person;
    for (const field of Object.keys(person) as (keyof typeof person)[]) {
      const current = person[field] as Scalar;
      const value = changedValue(controlsNamed(form, `people.${index}.${field}`), current);
      if (value !== undefined && value !== current) changed = { ...changed, [field]: value };
    }
    return changed;
  });
  if (people.some((p, i) => p !== draft.people[i])) next = { ...next, people };
  return next;
}
