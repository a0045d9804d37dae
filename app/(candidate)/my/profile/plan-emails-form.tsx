"use client";

import { ActionForm } from "@/app/_components/action-form";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { setPlanEmailsAction } from "./actions";

/** One button that flips the candidate's plan emails; the server's answer is announced by the form. */
export function PlanEmailsForm({ on }: { on: boolean }) {
  return (
    <ActionForm action={setPlanEmailsAction} className="flex flex-col items-start gap-3">
      {() => (
        <>
          <input type="hidden" name="on" value={on ? "off" : "on"} />
          <SubmitButton variant={on ? "outline" : "default"} pendingLabel="Saving…">
            {on ? "Turn plan emails off" : "Turn plan emails back on"}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
