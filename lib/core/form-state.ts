/** What every form action returns; client and server share it. */
export interface FormState {
  ok: boolean;
  /** The submitted values (never passwords), so nothing typed is lost on an error. */
  values?: Record<string, string | string[]>;
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  /** A success message to announce. */
  message?: string;
  /** Extra data for the page, e.g. a token shown once. */
  data?: Record<string, unknown>;
}

export const initialFormState: FormState = { ok: false };
