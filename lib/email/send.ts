import nodemailer, { type Transporter } from "nodemailer";
import type { DbOrTx } from "@/db/runtime";
import { unsafeEnqueueEmail, unsafeMarkEmail, type OutgoingEmail } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

let transport: Transporter | null | undefined;

function getTransport(): Transporter | null {
  if (transport !== undefined) return transport;
  const url = env().SMTP_URL;
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

/** For tests that start their own SMTP server. */
export function resetMailTransport(): void {
  transport = undefined;
}

/**
 * Every message is written to the outbox first. With SMTP_URL it is then sent
 * (and marked sent or failed); without it, it stays in the outbox and is
 * printed to the log with its links, so local flows work with no mail server.
 */
export async function sendEmail(db: DbOrTx, msg: OutgoingEmail): Promise<"sent" | "logged" | "failed" | "duplicate"> {
  const row = await unsafeEnqueueEmail(db, msg);
  if (!row) return "duplicate";
  const t = getTransport();
  if (!t) {
    await unsafeMarkEmail(db, row.id, { status: "logged" });
    logger.info({ to: msg.to, subject: msg.subject, text: msg.text }, "email (no SMTP_URL: kept in the outbox)");
    return "logged";
  }
  try {
    await t.sendMail({ from: env().MAIL_FROM, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html ?? undefined });
    await unsafeMarkEmail(db, row.id, { status: "sent" });
    return "sent";
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    logger.error({ to: msg.to, err: reason }, "email failed");
    await unsafeMarkEmail(db, row.id, { status: "failed", error: reason.slice(0, 500) });
    return "failed";
  }
}
