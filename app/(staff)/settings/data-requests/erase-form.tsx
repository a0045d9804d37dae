"use client";

import { ActionForm, valueOf } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { eraseCandidateAction } from "./actions";

export function EraseCandidateForm({ candidateId, name }: { candidateId: string; name: string }) {
  return (
    <ActionForm action={eraseCandidateAction} className="grid gap-3 rounded-md border border-overdue-border p-3 sm:grid-cols-2">
      {(state) => (
        <>
          <input type="hidden" name="candidateId" value={candidateId} />
          <FormField
            name="confirmName"
            id={`confirm-${candidateId}`}
            label={`Type "${name}" to confirm`}
            hint="The audit log records who erased them and when; it keeps no names."
            error={state.fieldErrors?.confirmName}
            required
          >
            <Input autoComplete="off" defaultValue={valueOf(state, "confirmName")} />
          </FormField>
          <div className="sm:col-span-2">
            <SubmitButton variant="destructive" pendingLabel="Erasing…">
              Erase personal data
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
