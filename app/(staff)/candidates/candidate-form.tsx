"use client";

import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import type { FormState } from "@/lib/core/form-state";
import { RecordForm } from "../_components/record-form";

export function CandidateForm({
  action,
  initial,
  version,
  id,
  owners,
  cancelHref,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  version?: number;
  id?: string;
  owners: { id: string; name: string }[];
  cancelHref: string;
}) {
  return (
    <RecordForm action={action} initial={initial} version={version} className="flex max-w-2xl flex-col gap-4">
      {(f) => (
        <>
          {id ? <input type="hidden" name="id" value={id} /> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <FormField name="name" label="Name" error={f.error("name")} required>
                <Input defaultValue={f.value("name")} maxLength={200} autoComplete="off" />
              </FormField>
              {f.conflictNote("name")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="email" label="Email" hint="Their invitation to the portal goes here." error={f.error("email")} required>
                <Input type="email" defaultValue={f.value("email")} maxLength={254} autoComplete="off" />
              </FormField>
              {f.duplicateLink("email")}
              {f.conflictNote("email")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="phone" label="Phone" error={f.error("phone")}>
                <Input type="tel" defaultValue={f.value("phone")} maxLength={50} autoComplete="off" />
              </FormField>
              {f.conflictNote("phone")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="location" label="Location" error={f.error("location")}>
                <Input defaultValue={f.value("location")} maxLength={200} autoComplete="off" />
              </FormField>
              {f.conflictNote("location")}
            </div>
          </div>
          <FormField name="headline" label="Headline" hint="e.g. Senior data engineer, 8 years in fintech" error={f.error("headline")}>
            <Input defaultValue={f.value("headline")} maxLength={300} autoComplete="off" />
          </FormField>
          {f.conflictNote("headline")}
          <FormField name="ownerUserId" label="Owner" hint="The recruiter who looks after this candidate." error={f.error("ownerUserId")}>
            <Select defaultValue={f.value("ownerUserId") ?? ""}>
              <option value="">Nobody yet</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </FormField>
          {f.conflictNote("ownerUserId")}
          <FormField name="notes" label="Notes" hint="Internal: the candidate never sees these." error={f.error("notes")}>
            <Textarea defaultValue={f.value("notes")} maxLength={10000} rows={5} />
          </FormField>
          {f.conflictNote("notes")}
          <div className="flex gap-2">
            <SubmitButton pendingLabel="Saving…">{id ? "Save changes" : "Add candidate"}</SubmitButton>
            <Button asChild variant="ghost">
              <Link href={cancelHref}>Cancel</Link>
            </Button>
          </div>
        </>
      )}
    </RecordForm>
  );
}
