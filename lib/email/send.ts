import nodemailer, { type Transporter } from "nodemailer";
import type { DbOrTx } from "@/db/runtime";
import { unsafeEnqueueEmail, unsafeMarkEmail, type OutgoingEmail } from "@/db/queries/outbox";
import { env, isProduction } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";

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

/** What a redacted one-time secret reads as in the stored copy and the log. */
export const REDACTED = "••••";

export interface SendOptions {
  /**
   * One-time secrets carried by the message's links (reset and invitation
   * tokens). Where real mail exists — in production, or whenever SMTP_URL is
   * set — only the SMTP message carries them: the outbox row and the log say
   * `…/invite/••••`. Locally without SMTP the outbox is the mail channel, so it
   * keeps the link.
   */
  secrets?: string[];
  /**
   * Extra headers of the SMTP message (e.g. List-Unsubscribe). Not kept in
   * the outbox: what they point to is in the message's text too.
   */
  headers?: Record<string, string>;
  /** The sender's display name (e.g. the firm's, for mail to its clients); the address stays MAIL_FROM's. */
  fromName?: string;
  /**
   * Files of the SMTP message (a report's chart and CSV); an inline image
   * has a `cid` the HTML refers to. Not kept in the outbox.
   */
  attachments?: { filename: string; content: Buffer | string; contentType: string; cid?: string }[];
}

/** MAIL_FROM with another display name: `"Name" <address>`. */
export function senderWithName(mailFrom: string, name: string | undefined) {
  if (!name) return mailFrom;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { name: name.replace(/[\r\n"<>]/g, " ").trim(), address };
}

/** True only locally without SMTP, where /dev/outbox is how a person reads their mail. */
export function outboxKeepsSecrets(): boolean {
  return !isProduction() && !env().SMTP_URL;
}

function redact(text: string, secrets: string[]): string {
  return secrets.filter((x) => x.length > 0).reduce((t, secret) => t.split(secret).join(REDACTED), text);
}

/**
 * Every message is written to the outbox first. With SMTP_URL it is then sent
 * (and marked sent or failed); without it, it stays in the outbox and is
 * printed to the log with its links, so local flows work with no mail server.
 */
export async function sendEmail(
  db: DbOrTx,
  msg: OutgoingEmail,
  options: SendOptions = {},
): Promise<"sent" | "logged" | "failed" | "duplicate"> {
  const secrets = options.secrets ?? [];
  const stored =
    secrets.length === 0 || outboxKeepsSecrets()
      ? msg
      : { ...msg, text: redact(msg.text, secrets), html: msg.html ? redact(msg.html, secrets) : msg.html };
  const row = await unsafeEnqueueEmail(db, stored);
  if (!row) return "duplicate";
  const t = getTransport();
  if (!t) {
    await unsafeMarkEmail(db, row.id, { status: "logged" });
    logger.info({ to: msg.to, subject: msg.subject, text: stored.text }, "email (no SMTP_URL: kept in the outbox)");
    return "logged";
  }
  try {
    await t.sendMail({ from: senderWithName(env().MAIL_FROM, options.fromName), to: msg.to, subject: msg.subject, text: msg.text, html: msg.html ?? undefined, headers: options.headers, attachments: options.attachments });
    await unsafeMarkEmail(db, row.id, { status: "sent" });
    return "sent";
  } catch (err) {
    const reason = redact(err instanceof Error ? err.message : String(err), secrets);
    logger.error({ to: msg.to, err: reason }, "email failed");
    await unsafeMarkEmail(db, row.id, { status: "failed", error: reason.slice(0, 500) });
    return "failed";
  }
}
