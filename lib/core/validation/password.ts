import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/core/common-passwords";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Why a password is refused, or null. No composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "This password is on a list of commonly used passwords. Choose another.";
  if (/^(.)\1+$/.test(password)) return "A single repeated character is too easy to guess.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Don't use your email address in your password.";
  return null;
}

export const newPasswordField = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
