"use client";

import { Building2, Check } from "lucide-react";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { initialFormState } from "@/lib/core/form-state";
import { chooseFirmAction } from "../membership-actions";

const ROLE_LABEL = { admin: "Admin", recruiter: "Recruiter", candidate: "Candidate" } as const;

type FirmChoice = { firmId: string; firmName: string; role: keyof typeof ROLE_LABEL };

/** One button per firm: a single press opens it. The current firm is marked. */
export function ChooseFirmForm({ firms, currentFirmId, next }: { firms: FirmChoice[]; currentFirmId: string; next: string }) {
  const [state, action, pending] = useActionState(chooseFirmAction, initialFormState);
  const error = state.formError ?? state.fieldErrors?.firmId?.[0];
  return (
    <form action={action} className="flex flex-col gap-3" aria-busy={pending}>
      {error ? (
        <Alert variant="error" announce id="form-error">
          <AlertDescription>{state.fieldErrors?.firmId?.[0] ?? error}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <ul className="flex flex-col gap-2" aria-label="Your firms">
        {firms.map((f) => {
          const current = f.firmId === currentFirmId;
          return (
            <li key={f.firmId}>
              <button
                type="submit"
                name="firmId"
                value={f.firmId}
                disabled={pending}
                aria-current={current ? "true" : undefined}
                className="flex w-full items-center gap-3 rounded-lg border border-border bg-card px-4 py-3 text-left transition-colors hover:bg-hover disabled:opacity-60 pointer-coarse:min-h-12"
              >
                <Building2 aria-hidden="true" className="size-5 shrink-0 text-muted-foreground" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">{f.firmName}</span>
                  <span className="block text-xs text-muted-foreground">
                    {ROLE_LABEL[f.role]}
                    {current ? " · open now" : ""}
                  </span>
                </span>
                {current ? <Check aria-hidden="true" className="size-4 shrink-0 text-accent-text" /> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {pending ? (
        <p role="status" className="text-sm text-muted-foreground">
          Opening…
        </p>
      ) : null}
    </form>
  );
}
