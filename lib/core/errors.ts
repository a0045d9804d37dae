/** Expected failures, each with a message a person can act on. */
export const ERROR_MESSAGES = {
  unauthenticated: "Your session has ended. Sign in again to continue; nothing you typed here is lost.",
  not_found: "That record does not exist or you do not have access to it.",
  mfa_enrollment: "Your firm requires two-factor sign-in. Set it up under Account → Two-factor sign-in first.",
  conflict: "Someone else changed this record while you were editing. Review the current values and save again.",
  invalid: "Some fields need attention.",
  rate_limited: "Too many attempts. Wait a few minutes and try again.",
  unavailable: "The service is briefly unavailable. Try again in a moment.",
} as const;

export type AppErrorCode = keyof typeof ERROR_MESSAGES;

const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  mfa_enrollment: 403,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message?: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function jsonError(status: number, error: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

export function appErrorResponse(err: AppError): Response {
  return jsonError(err.status, err.message, err.fieldErrors ? { fieldErrors: err.fieldErrors } : undefined);
}
