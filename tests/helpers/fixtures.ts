import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firmScopedDb } from "@/db/firm-db";
import * as s from "@/db/schema";
import type { QueryScope } from "@/db/queries/scope";
import { unsafeCreateAuthSession } from "@/db/queries/auth";
import type { SessionClaims } from "@/lib/auth/config";
import type { TestFirm, TestPerson } from "@/db/test-firm";

export { addFeedbackLinkRecords, addReviewRecords, createTestFirm, TEST_PASSWORD, type ReviewRecords, type TestFirm, type TestPerson } from "@/db/test-firm";

/** A scope as requireScope() builds it: on PostgreSQL its db runs as the app role, under row-level security. */
export function scopeOf(db: Db, firm: TestFirm, who: TestPerson): QueryScope {
  return {
    db: firmScopedDb(db, firm.firmId, who.userId),
    firmId: firm.firmId,
    userId: who.userId,
    role: who.role,
    candidateId: who.candidateId,
  };
}

/** A real session row for `who`, and the claims its cookie would carry. */
export async function sessionFor(db: Db, firm: TestFirm, who: TestPerson): Promise<SessionClaims> {
  const session = await unsafeCreateAuthSession(db, { userId: who.userId, firmId: firm.firmId, absoluteHours: 12 });
  const [u] = await db.select({ sv: s.users.sessionVersion }).from(s.users).where(eq(s.users.id, who.userId));
  return { userId: who.userId, sessionId: session.id, firmId: firm.firmId, sessionVersion: u!.sv };
}


export function formData(values: Record<string, string | string[] | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) fd.append(k, item);
  }
  return fd;
}
