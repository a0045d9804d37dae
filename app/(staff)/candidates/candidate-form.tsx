"use client";

import { peopleOptions, RecordEditor, SelectField, TextAreaField, TextField, type RecordFormProps } from "../_components/records/record-fields";

export function CandidateForm({ owners, ...form }: RecordFormProps & { owners: { items: { id: string; name: string }[]; more: boolean } }) {
  return (
    <RecordEditor {...form} createLabel="Add candidate">
      {(f) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField f={f} name="name" label="Name" required maxLength={200} autoComplete="off" />
            <TextField f={f} name="email" label="Email" hint="Their invitation to the portal goes here." required type="email" maxLength={254} autoComplete="off" />
            <TextField f={f} name="phone" label="Phone" type="tel" maxLength={50} autoComplete="off" />
            <TextField f={f} name="location" label="Location" maxLength={200} autoComplete="off" />
          </div>
          <TextField f={f} bare name="headline" label="Headline" hint="e.g. Senior data engineer, 8 years in fintech" maxLength={300} autoComplete="off" />
          <SelectField
            f={f}
            bare
            name="ownerUserId"
            label="Owner"
            hint="The recruiter who looks after this candidate."
            placeholder="Nobody yet"
            options={peopleOptions(owners)}
            find={{ kind: "staff", more: owners.more }}
          />
          <TextAreaField f={f} name="notes" label="Notes" hint="Internal: the candidate never sees these." maxLength={10000} rows={5} />
        </>
      )}
    </RecordEditor>
  );
}
