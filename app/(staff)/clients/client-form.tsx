"use client";

import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import type { FormState } from "@/lib/core/form-state";
import { RecordForm } from "../_components/record-form";

export function ClientForm({
  action,
  initial,
  version,
  id,
  cancelHref,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  version?: number;
  id?: string;
  cancelHref: string;
}) {
  return (
    <RecordForm action={action} initial={initial} version={version} className="flex max-w-2xl flex-col gap-4">
      {(f) => (
        <>
          {id ? <input type="hidden" name="id" value={id} /> : null}
          <FormField name="name" label="Name" error={f.error("name")} required>
            <Input defaultValue={f.value("name")} maxLength={200} autoComplete="organization" />
          </FormField>
          {f.duplicateLink("name")}
          {f.conflictNote("name")}
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <FormField name="industry" label="Industry" error={f.error("industry")}>
                <Input defaultValue={f.value("industry")} maxLength={100} />
              </FormField>
              {f.conflictNote("industry")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="website" label="Website" hint="e.g. acme.example" error={f.error("website")}>
                <Input defaultValue={f.value("website")} maxLength={300} inputMode="url" autoComplete="url" />
              </FormField>
              {f.conflictNote("website")}
            </div>
          </div>
          <FormField name="notes" label="Notes" hint="Only your firm sees these." error={f.error("notes")}>
            <Textarea defaultValue={f.value("notes")} maxLength={5000} rows={4} />
          </FormField>
          {f.conflictNote("notes")}
          <div className="flex gap-2">
            <SubmitButton pendingLabel="Saving…">{id ? "Save changes" : "Create client"}</SubmitButton>
            <Button asChild variant="ghost">
              <Link href={cancelHref}>Cancel</Link>
            </Button>
          </div>
        </>
      )}
    </RecordForm>
  );
}
