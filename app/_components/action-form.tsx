"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { initialFormState, type FormState } from "@/lib/core/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form bound to a server action with useActionState. After a failed submit
 * the first invalid field takes focus; a form-level message is announced.
 */
export function ActionForm({
  action,
  children,
  className,
  successContent,
}: {
  action: Action;
  children: (state: FormState) => ReactNode;
  className?: string;
  /** Shown instead of the form once the action succeeds (e.g. "check your inbox"). */
  successContent?: (state: FormState) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.ok) return;
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
  }, [state]);

  if (state.ok && successContent) return <>{successContent(state)}</>;

  return (
    <form ref={ref} action={formAction} className={className ?? "flex flex-col gap-4"} noValidate>
      <FormStateAlerts state={state} errorId="form-error" />
      {children(state)}
    </form>
  );
}

export function valueOf(state: FormState, name: string): string | undefined {
  const v = state.values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** An action's answer above its form: the form-level problem, or the success message; both announced. */
export function FormStateAlerts({ state, errorId }: { state: FormState; errorId?: string }) {
  return (
    <>
      {state.formError ? (
        <Alert variant="error" announce id={errorId}>
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      {state.ok && state.message ? (
        <Alert variant="success" announce>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}
