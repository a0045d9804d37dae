"use client";

import { JOB_STATUS_LABELS, JOB_STATUSES as JOB_STATUS_VALUES } from "@/lib/core/vocabulary";
import {
  clientOptions,
  peopleOptions,
  RecordEditor,
  SelectField,
  TextAreaField,
  TextField,
  type RecordFormProps,
} from "../_components/records/record-fields";

const STATUS_OPTIONS = JOB_STATUS_VALUES.map((s) => ({ value: s, label: JOB_STATUS_LABELS[s] }));

export function JobForm({
  clients,
  owners,
  ...form
}: RecordFormProps & { clients: { items: { id: string; name: string; archived: boolean }[]; more: boolean }; owners: { items: { id: string; name: string }[]; more: boolean } }) {
  return (
    <RecordEditor {...form} createLabel="Create job">
      {(f) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField f={f} name="clientId" label="Client" required placeholder="Choose a client…" options={clientOptions(clients)} find={{ kind: "clients", more: clients.more }} />
            <TextField f={f} name="title" label="Title" required maxLength={200} autoComplete="off" />
            <TextField f={f} name="location" label="Location" hint="City, or Remote / Hybrid" maxLength={200} autoComplete="off" />
            <SelectField f={f} name="status" label="Status" required fallback="open" options={STATUS_OPTIONS} />
            <SelectField
              f={f}
              name="ownerUserId"
              label="Owner"
              hint="The recruiter who runs this job."
              placeholder="Nobody yet"
              options={peopleOptions(owners)}
              find={{ kind: "staff", more: owners.more }}
            />
          </div>
          <TextAreaField f={f} name="description" label="Description" maxLength={10000} rows={6} />
        </>
      )}
    </RecordEditor>
  );
}
