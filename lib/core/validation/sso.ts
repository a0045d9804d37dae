import { z } from "zod";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

/** A DNS name of at least two labels (example.com, staff.example.co.uk). */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The firm's OpenID Connect provider: issuer, client, and the work-email domains that route to it. */
export const ssoSettingsSchema = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, { error: "Enter your identity provider's issuer URL." })
    .max(500, { error: "Use at most 500 characters." })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: "Enter the issuer as a full address, such as https://login.example.com/realms/staff.",
    })
    .refine((v) => !URL.canParse(v) || (!new URL(v).search && !new URL(v).hash), { error: "Leave out the query and fragment: the issuer is a plain address." }),
  clientId: z.string().trim().min(1, { error: "Enter the client ID your provider gave Afterview." }).max(300, { error: "Use at most 300 characters." }),
  /** Blank keeps the stored secret. */
  clientSecret: z.string().trim().max(1000, { error: "Use at most 1,000 characters." }).default(""),
  domains: z
    .string()
    .max(2000, { error: "Use at most 2,000 characters." })
    .transform((v) => [...new Set(v.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(DOMAIN, { error: "Enter domains like example.com, one per line." }))
        .min(1, { error: "Enter at least one email domain, like example.com." })
        .max(20, { error: "List at most 20 domains." }),
    ),
});

export const ssoStateSchema = z.object({
  enabled: checkbox,
  required: checkbox,
});
