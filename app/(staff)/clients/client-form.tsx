"use client";

import { RecordEditor, TextAreaField, TextField, type RecordFormProps } from "../_components/records/record-fields";

export function ClientForm(props: RecordFormProps) {
  return (
    <RecordEditor {...props} createLabel="Create client">
      {(f) => (
        <>
          <TextField f={f} bare name="name" label="Name" required maxLength={200} autoComplete="organization" />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField f={f} name="industry" label="Industry" maxLength={100} />
            <TextField f={f} name="website" label="Website" hint="e.g. acme.example" maxLength={300} inputMode="url" autoComplete="url" />
          </div>
          <TextAreaField f={f} name="notes" label="Notes" hint="Only your firm sees these." maxLength={5000} rows={4} />
        </>
      )}
    </RecordEditor>
  );
}
