import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { authorize, type Scope } from "@/lib/auth/scope";
import type { Permission } from "@/lib/core/permissions";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import type { FormState } from "@/lib/core/form-state";
import { logger } from "@/lib/platform/logger";

export type { FormState } from "@/lib/core/form-state";

/** FormData → plain object; repeated keys become arrays. Files are ignored. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** The submitted values to send back, without anything secret. */
export function echoValues(raw: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (/password|token|secret|code/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

function invalid(raw: Record<string, string | string[]>, error: z.ZodError): FormState {
  return {
    ok: false,
    values: echoValues(raw),
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
    formError: ERROR_MESSAGES.invalid,
  };
}

/**
 * PostgreSQL cannot store the NUL character in text. No keyboard types it; a
 * field that carries one (pasted from binary data, or a forged request) gets a
 * message next to it instead of a failed save.
 */
function nulCharacters(raw: Record<string, string | string[]>): FormState | null {
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if ((Array.isArray(value) ? value : [value]).some((v) => v.includes("\u0000"))) {
      fieldErrors[key] = ["This contains a hidden NUL character, which cannot be saved. Remove it and try again."];
    }
  }
  if (Object.keys(fieldErrors).length === 0) return null;
  return { ok: false, values: echoValues(raw), fieldErrors, formError: ERROR_MESSAGES.invalid };
}

function failure(raw: Record<string, string | string[]>, err: unknown): FormState {
  unstable_rethrow(err);
  if (err instanceof AppError) {
    return { ok: false, values: echoValues(raw), formError: err.message, fieldErrors: err.fieldErrors };
  }
  const requestId = crypto.randomUUID();
  logger.error({ requestId, err: err instanceof Error ? err.message : String(err) }, "form action failed");
  return {
    ok: false,
    values: echoValues(raw),
    formError: `Something went wrong on our side and nothing was saved. Try again; if it keeps happening, quote reference ${requestId.slice(0, 8)}.`,
  };
}

/**
 * A server action for useActionState that validates (zod), authorizes (its
 * own permission check, whatever the page did) and reports errors in one
 * place. Unknown fields — a forged firmId or role — are stripped by the schema.
 */
export function defineFormAction<S extends z.ZodType>(
  schema: S,
  permission: Permission,
  fn: (scope: Scope, input: z.output<S>, formData: FormData) => Promise<FormState | void>,
): (prev: FormState, formData: FormData) => Promise<FormState> {
  return async (_prev, formData) => {
    const raw = formDataToObject(formData);
    let auth;
    try {
      auth = await authorize(permission);
    } catch (err) {
      // The session lookup itself failed (the database dropped the connection): a message, not a 500.
      return failure(raw, err);
    }
    if (!auth.ok) {
      return {
        ok: false,
        values: echoValues(raw),
        formError:
          auth.status === 401
            ? ERROR_MESSAGES.unauthenticated
            : auth.status === 403
              ? ERROR_MESSAGES.mfa_enrollment
              : ERROR_MESSAGES.not_found,
      };
    }
    const nul = nulCharacters(raw);
    if (nul) return nul;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return invalid(raw, parsed.error);
    try {
      return (await fn(auth.scope, parsed.data, formData)) ?? { ok: true };
    } catch (err) {
      return failure(raw, err);
    }
  };
}

/** The same for the few actions used before sign-in (sign-in, reset, invitation). */
export function definePublicFormAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.output<S>, raw: Record<string, string | string[]>) => Promise<FormState | void>,
): (prev: FormState, formData: FormData) => Promise<FormState> {
  return async (_prev, formData) => {
    const raw = formDataToObject(formData);
    const nul = nulCharacters(raw);
    if (nul) return nul;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return invalid(raw, parsed.error);
    try {
      return (await fn(parsed.data, raw)) ?? { ok: true };
    } catch (err) {
      return failure(raw, err);
    }
  };
}
