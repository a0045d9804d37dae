import { expect } from "vitest";
import type { FormState } from "@/lib/core/form-state";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/** Runs a form action; a redirect comes back as { redirect: url } instead of throwing. */
export async function submit(action: Action, fd: FormData): Promise<FormState & { redirect?: string }> {
  try {
    return await action({ ok: false }, fd);
  } catch (err) {
    const digest = (err as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { ok: true, redirect: digest.split(";")[2] };
    }
    throw err;
  }
}

export function expectFieldError(state: FormState, field: string, pattern?: RegExp) {
  const errors = state.fieldErrors?.[field];
  expect(errors, `expected a field error on ${field}, got ${JSON.stringify(state)}`).toBeTruthy();
  if (pattern) expect(errors!.join(" ")).toMatch(pattern);
}
