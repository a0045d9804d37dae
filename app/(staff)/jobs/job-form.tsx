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
import { JOB_STATUS_LABELS, JOB_STATUSES as JOB_STATUS_VALUES } from "@/lib/core/vocabulary";

export function JobForm({
  action,
  initial,
  version,
  id,
  clients,
  owners,
  cancelHref,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  version?: number;
  id?: string;
  clients: { id: string; name: string; archived: boolean }[];
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
              <FormField name="clientId" label="Client" error={f.error("clientId")} required>
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
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="title" label="Title" error={f.error("title")} required>
                <Input defaultValue={f.value("title")} maxLength={200} autoComplete="off" />
              </FormField>
              {f.conflictNote("title")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="location" label="Location" hint="City, or Remote / Hybrid" error={f.error("location")}>
                <Input defaultValue={f.value("location")} maxLength={200} autoComplete="off" />
              </FormField>
              {f.conflictNote("location")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="status" label="Status" error={f.error("status")} required>
                <Select defaultValue={f.value("status") ?? "open"}>
                  {JOB_STATUS_VALUES.map((s) => (
                    <option key={s} value={s}>
                      {JOB_STATUS_LABELS[s]}
                    </option>
                  ))}
                </Select>
              </FormField>
              {f.conflictNote("status")}
            </div>
            <div className="flex flex-col gap-1.5">
              <FormField name="ownerUserId" label="Owner" hint="The recruiter who runs this job." error={f.error("ownerUserId")}>
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
            </div>
          </div>
          <FormField name="description" label="Description" error={f.error("description")}>
            <Textarea defaultValue={f.value("description")} maxLength={10000} rows={6} />
          </FormField>
          {f.conflictNote("description")}
          <div className="flex gap-2">
            <SubmitButton pendingLabel="Saving…">{id ? "Save changes" : "Create job"}</SubmitButton>
            <Button asChild variant="ghost">
              <Link href={cancelHref}>Cancel</Link>
            </Button>
          </div>
        </>
      )}
    </RecordForm>
  );
}
