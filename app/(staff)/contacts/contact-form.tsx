"use client";

import { clientOptions, RecordEditor, SelectField, TextField, type RecordFormProps } from "../_components/records/record-fields";

export function ContactForm({ clients, ...form }: RecordFormProps & { clients: { items: { id: string; name: string; archived: boolean }[]; more: boolean } }) {
  return (
    <RecordEditor {...form} createLabel="Add contact">
      {(f) => (
        <>
          <SelectField
            f={f}
            bare
            name="clientId"
            label="Client"
            hint="Where this person works."
            required
            placeholder="Choose a client…"
            options={clientOptions(clients)}
            find={{ kind: "clients", more: clients.more }}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField f={f} name="name" label="Name" required maxLength={200} autoComplete="off" />
            <TextField f={f} name="title" label="Title" hint="e.g. Engineering Manager" maxLength={200} autoComplete="off" />
            <TextField f={f} name="email" label="Email" type="email" maxLength={254} autoComplete="off" />
            <TextField f={f} name="phone" label="Phone" type="tel" maxLength={50} autoComplete="off" />
          </div>
        </>
      )}
    </RecordEditor>
  );
}
