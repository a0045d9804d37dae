import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { emailOutbox } from "../schema";
import type { QueryScope } from "./scope";

export interface OutgoingEmail {
  firmId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  dedupeKey?: string | null;
}

/**
 * Unscoped: mail is also queued before sign-in (password reset) and by
 * background jobs that act for a firm without a person's session. Returns
 * null when the dedupe key was already used (the mail went out once).
 */
export async function unsafeEnqueueEmail(db: DbOrTx, msg: OutgoingEmail): Promise<{ id: string } | null> {
  const rows = await db
    .insert(emailOutbox)
    .values({ ...msg, html: msg.html ?? null, dedupeKey: msg.dedupeKey ?? null })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return rows[0] ?? null;
}

/** Unscoped: the mail sender updates the row it just sent, by id. */
export async function unsafeMarkEmail(
  db: DbOrTx,
  id: string,
  update: { status: "sent" | "failed" | "logged"; error?: string },
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: update.status,
      lastError: update.error ?? null,
      sentAt: update.status === "sent" ? new Date() : null,
    })
    .where(eq(emailOutbox.id, id));
}

/** The firm's recent mail, for the development outbox page. */
export async function listOutbox(scope: QueryScope, limit = 50) {
  return scope.db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      text: emailOutbox.text,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.firmId, scope.firmId)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(Math.min(limit, 200));
}
