import { z } from "zod";

/**
 * The client pack's form (the candidate page): the recruiter's summary for the
 * client and the salary expectation, saved on the application. Imported by
 * the form (client) and the action (server) alike.
 */

export const CLIENT_SUMMARY_MAX = 4000;
export const SALARY_EXPECTATION_MAX = 200;

/** Control characters (other than tab and newlines) never belong in a record; the database refuses NUL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(CONTROL, "") : v),
    z
      .string({ error: "Enter text here." })
      .trim()
      .max(max, { error: `Use at most ${max} characters.` })
      .default(""),
  );

export const clientPackFieldsSchema = z.object({
  id: z.uuid({ error: "Reload the page and try again." }),
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(1),
  clientSummary: text(CLIENT_SUMMARY_MAX),
  salaryExpectation: text(SALARY_EXPECTATION_MAX),
});
export type ClientPackFieldsInput = z.infer<typeof clientPackFieldsSchema>;
