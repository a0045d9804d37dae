import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

import { cn } from "@/lib/core/utils";

import { Label } from "./label";

/** Props FormField passes to its control. */
export type FieldControlProps = {
  id: string;
  name: string;
  "aria-required"?: true;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export type FormFieldProps = {
  /** The form field's name (FormData key and zod fieldErrors key). */
  name: string;
  /** Defaults to `name`; the error is rendered as `#${id}-error`, the hint as `#${id}-hint`. */
  id?: string;
  label: ReactNode;
  /** Help text under the label, read with the control. */
  hint?: ReactNode;
  /** Field errors, e.g. `state.fieldErrors?.email`; the first one is shown. */
  error?: string[] | string;
  /** Marks the label and sets aria-required on the control. */
  required?: boolean;
  /** "horizontal": control before the label (checkboxes). */
  orientation?: "vertical" | "horizontal";
  className?: string;
  /**
   * The control: an element (`<Input />`, `<Select>…</Select>`, `<Textarea />`, `<Checkbox />`),
   * which gets id/name/aria-* merged in, or a render function receiving those props.
   */
  children: ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => ReactNode);
};

function firstError(error: string[] | string | undefined): string | undefined {
  if (!error) return undefined;
  return (Array.isArray(error) ? error[0] : error) || undefined;
}

/**
 * Label + control + hint + error, wired for assistive technology:
 *
 *   <FormField name="email" label="Email" hint="We send the invite here" error={state.fieldErrors?.email} required>
 *     <Input type="email" autoComplete="email" defaultValue={state.values?.email} />
 *   </FormField>
 *
 * renders `<input id="email" name="email" aria-invalid aria-describedby="email-hint email-error">`
 * and `<p id="email-error">` with the first message.
 */
export function FormField({
  name,
  id: idProp,
  label,
  hint,
  error,
  required,
  orientation = "vertical",
  className,
  children,
}: FormFieldProps) {
  const id = idProp ?? name;
  const message = firstError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;

  const controlProps: FieldControlProps = {
    id,
    name,
    // aria-required, not `required`: native validation would block the submit before the
    // server's field errors (rendered here) could be shown. Add `required` on the control to opt in.
    ...(required ? { "aria-required": true as const } : {}),
    ...(message ? { "aria-invalid": true as const } : {}),
    ...(hintId || errorId ? { "aria-describedby": cn(hintId, errorId) } : {}),
  };

  let control: ReactNode;
  if (typeof children === "function") {
    control = children(controlProps);
  } else if (isValidElement(children)) {
    const own = children.props;
    control = cloneElement(children, {
      ...controlProps,
      id: own.id ?? id,
      name: own.name ?? name,
      "aria-describedby": cn(own["aria-describedby"], controlProps["aria-describedby"]) || undefined,
    });
  } else {
    control = children;
  }

  const hintNode = hint ? (
    <p id={hintId} className="text-[0.8125rem] leading-5 text-muted-foreground">
      {hint}
    </p>
  ) : null;
  const errorNode = message ? (
    <p id={errorId} className="text-[0.8125rem] font-medium leading-5 text-overdue-foreground">
      {message}
    </p>
  ) : null;

  if (orientation === "horizontal") {
    return (
      <div className={cn("flex items-start gap-2.5", className)} data-invalid={message ? "" : undefined}>
        <div className="flex h-5 items-center pointer-coarse:h-6">{control}</div>
        <div className="min-w-0 space-y-0.5">
          <Label htmlFor={id} required={required} className="font-normal">
            {label}
          </Label>
          {hintNode}
          {errorNode}
        </div>
      </div>
    );
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)} data-invalid={message ? "" : undefined}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {hintNode}
      {control}
      {errorNode}
    </div>
  );
}
