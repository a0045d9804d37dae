"use client";

import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import type { FormState } from "@/lib/core/form-state";

export function NewPasswordFields({ state }: { state: FormState }) {
  return (
    <>
      <FormField
        name="password"
        label="New password"
        hint="At least 12 characters. A few unrelated words make a strong, memorable password."
        error={state.fieldErrors?.password}
        required
      >
        <Input type="password" autoComplete="new-password" maxLength={128} />
      </FormField>
      <FormField name="confirm" label="Repeat the new password" error={state.fieldErrors?.confirm} required>
        <Input type="password" autoComplete="new-password" maxLength={128} />
      </FormField>
    </>
  );
}
