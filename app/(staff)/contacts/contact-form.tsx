"use client";

import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import type { FormState } from "@/lib/core/form-state";
import { RecordForm } from "../_components/record-form";

export function ContactForm({
  action,
  initial,
  version,
  id,
  clients,
  cancelHref,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  version?: number;
  id?: string;
  clients: { id: string; name: string; archived: boolean }[];
  cancelHref: string;
}) {
  return (
    <RecordForm action={action} initial={initial} version={version} className="flex max-w-2xl flex-col gap-4">
      {(f) => (
        <>
          {id ? <input type="hidden" name="id" value={id} /> : null}
          <FormField name="clientId" label="Client" hint="Where this person works." error={f.error("clientId")} required>
            <Select defaultValue={f.value("clientId") ?? ""}>
              <option value="">Choose a client…</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.archived ? " (archived)" : ""}
                </option>
              ))}
            </Select>
          </FormField>
          {f.conflictNote("clientId")}
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <FormField name="name" label="Name" error={f.error("name")} required>
                <Input defaultValue={f.value("name")} maxLength={200} autoComplete="off" />
              </FormField>
              {f.conflictNote("name")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="title" label="Title" hint="e.g. Engineering Manager" error={f.error("title")}>
                <Input defaultValue={f.value("title")} maxLength={200} autoComplete="off" />
              </FormField>
              {f.conflictNote("title")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="email" label="Email" error={f.error("email")}>
                <Input type="email" defaultValue={f.value("email")} maxLength={254} autoComplete="off" />
              </FormField>
              {f.conflictNote("email")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="phone" label="Phone" error={f.error("phone")}>
                <Input type="tel" defaultValue={f.value("phone")} maxLength={50} autoComplete="off" />
              </FormField>
              {f.conflictNote("phone")}
            </div>
          </div>
          <div className="flex gap-2">
            <SubmitButton pendingLabel="Saving…">{id ? "Save changes" : "Add contact"}</SubmitButton>
            <Button asChild variant="ghost">
              <Link href={cancelHref}>Cancel</Link>
            </Button>
          </div>
        </>
      )}
    </RecordForm>
  );
}
