import { z } from "zod";
import { newPasswordField, passwordProblem } from "./password";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter an email address." })
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** Only paths on the app's own origin may be returned to after sign-in (lib/auth/home.ts). */

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { error: "Enter your password." }).max(128, { error: "That password is too long." }),
  // A return path that is too long or not text is dropped, not an error: sign-in goes home instead.
  next: z.string().max(500).optional().catch(undefined),
  /** Signing in from an invitation to an address that already has an account. */
  invitation: z.string().max(200).optional(),
  /** Signing in to one firm in particular (a switch from a session its own provider opened elsewhere). */
  firm: z.uuid().optional().catch(undefined),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** "Continue with single sign-on": the work email routes to the firm (chosen among several when its domain is listed by more than one). */
export const ssoStartSchema = z.object({
  email,
  firmId: z.uuid({ error: "Choose the firm you work for." }).optional().or(z.literal("").transform(() => undefined)),
  next: z.string().max(500).optional().catch(undefined),
});

export const secondFactorSchema = z.object({
  ticket: z.string().min(10).max(600),
  code: z
    .string()
    .trim()
    .min(1, { error: "Enter the 6-digit code from your authenticator app." })
    .max(40, { error: "That code is too long." }),
  // A return path that is too long or not text is dropped, not an error: sign-in goes home instead.
  next: z.string().max(500).optional().catch(undefined),
  invitation: z.string().max(200).optional(),
  firm: z.uuid().optional().catch(undefined),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: newPasswordField,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords do not match." });

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().trim().min(1, { error: "Enter your name." }).max(120, { error: "Use at most 120 characters." }),
    password: newPasswordField,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords do not match." });

export const inviteStaffSchema = z.object({
  email,
  name: z.string().trim().max(120, { error: "Use at most 120 characters." }).default(""),
  role: z.enum(["admin", "recruiter"], { error: "Choose a role: admin or recruiter." }),
});

export const inviteCandidateSchema = z.object({
  candidateId: z.uuid({ error: "Choose a candidate." }),
});

export const updateMembershipSchema = z.object({
  membershipId: z.uuid(),
  role: z.enum(["admin", "recruiter"]).optional(),
  status: z.enum(["active", "deactivated"]).optional(),
});

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: "Enter your current password." }).max(128),
    password: newPasswordField,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords do not match." });

export { passwordProblem };

export const chooseFirmSchema = z.object({
  firmId: z.uuid({ error: "Choose one of your firms." }),
  next: z.string().max(500).optional(),
});

export const acceptInvitationSignedInSchema = z.object({
  token: z.string().min(10).max(200),
});
