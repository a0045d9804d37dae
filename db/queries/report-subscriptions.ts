import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { firms, memberships, reportSubscriptions, reportSubscriptionSends, users } from "../schema";
import { isStaffScope, type QueryScope } from "./scope";

/**
 * Scheduled report emails. A person reads and changes only their own
 * subscriptions (firm and user in every WHERE); the schedule's tick reads
 * every firm's active ones and claims each period's send as the tables'
 * owner (the `unsafe…` functions), then builds each mail in the
 * subscriber's own scope.
 */

export type ReportSubscriptionInput = {
  filters: Record<string, string>;
  frequency: "daily" | "weekly";
  weekday: number | null;
  localTime: string;
  includeCsv: boolean;
};

const listColumns = {
  id: reportSubscriptions.id,
  filters: reportSubscriptions.filters,
  frequency: reportSubscriptions.frequency,
  weekday: reportSubscriptions.weekday,
  localTime: reportSubscriptions.localTime,
  includeCsv: reportSubscriptions.includeCsv,
  createdAt: reportSubscriptions.createdAt,
  unsubscribedAt: reportSubscriptions.unsubscribedAt,
};

/** The scope's own report emails, oldest first. */
export async function listMyReportSubscriptions(scope: QueryScope) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select(listColumns)
    .from(reportSubscriptions)
    .where(and(eq(reportSubscriptions.firmId, scope.firmId), eq(reportSubscriptions.userId, scope.userId)))
    .orderBy(asc(reportSubscriptions.createdAt), asc(reportSubscriptions.id));
}

/** A new subscription for the scope's own person in the scope's firm. */
export async function insertReportSubscription(scope: QueryScope, input: ReportSubscriptionInput): Promise<{ id: string } | null> {
  if (!isStaffScope(scope)) return null;
  const rows = await scope.db
    .insert(reportSubscriptions)
    .values({ firmId: scope.firmId, userId: scope.userId, ...input })
    .returning({ id: reportSubscriptions.id });
  return rows[0] ?? null;
}

function own(scope: QueryScope, id: string) {
  return and(eq(reportSubscriptions.firmId, scope.firmId), eq(reportSubscriptions.userId, scope.userId), eq(reportSubscriptions.id, id));
}

/** Stops the scope's own subscription (kept, with its sends). */
export async function unsubscribeReportSubscription(
  scope: QueryScope,
  id: string,
  now: Date,
): Promise<"unsubscribed" | "already" | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const rows = await scope.db
    .update(reportSubscriptions)
    .set({ unsubscribedAt: now })
    .where(and(own(scope, id), isNull(reportSubscriptions.unsubscribedAt)))
    .returning({ id: reportSubscriptions.id });
  if (rows.length > 0) return "unsubscribed";
  const found = await scope.db.select({ id: reportSubscriptions.id }).from(reportSubscriptions).where(own(scope, id));
  return found.length > 0 ? "already" : "not_found";
}

/** Deletes the scope's own subscription and its sends. */
export async function deleteReportSubscription(scope: QueryScope, id: string): Promise<"deleted" | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const rows = await scope.db.delete(reportSubscriptions).where(own(scope, id)).returning({ id: reportSubscriptions.id });
  return rows.length > 0 ? "deleted" : "not_found";
}

export type ActiveReportSubscription = {
  id: string;
  firmId: string;
  firmName: string;
  timeZone: string;
  userId: string;
  role: "admin" | "recruiter";
  name: string;
  email: string;
  filters: Record<string, string>;
  frequency: "daily" | "weekly";
  weekday: number | null;
  localTime: string;
  includeCsv: boolean;
};

/**
 * Unscoped (the schedule works for every firm): the subscriptions still on
 * whose subscriber is still an active staff member of the firm. A member who
 * was deactivated, or became a candidate, gets nothing.
 */
export async function unsafeListActiveReportSubscriptions(db: DbOrTx): Promise<ActiveReportSubscription[]> {
  const rows = await db
    .select({
      id: reportSubscriptions.id,
      firmId: reportSubscriptions.firmId,
      firmName: firms.name,
      timeZone: firms.timeZone,
      userId: users.id,
      role: memberships.role,
      name: users.name,
      email: users.email,
      filters: reportSubscriptions.filters,
      frequency: reportSubscriptions.frequency,
      weekday: reportSubscriptions.weekday,
      localTime: reportSubscriptions.localTime,
      includeCsv: reportSubscriptions.includeCsv,
    })
    .from(reportSubscriptions)
    .innerJoin(firms, eq(firms.id, reportSubscriptions.firmId))
    .innerJoin(users, eq(users.id, reportSubscriptions.userId))
    .innerJoin(memberships, and(eq(memberships.firmId, reportSubscriptions.firmId), eq(memberships.userId, reportSubscriptions.userId)))
    .where(
      and(
        isNull(reportSubscriptions.unsubscribedAt),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["admin", "recruiter"]),
        eq(firms.isBenchmark, false),
      ),
    )
    .orderBy(asc(reportSubscriptions.firmId), asc(reportSubscriptions.id));
  return rows as ActiveReportSubscription[];
}

/** Unscoped: which of these subscriptions' periods were already claimed. Keys are `${subscriptionId}:${periodKey}`. */
export async function unsafeClaimedReportPeriods(db: DbOrTx, subscriptionIds: string[]): Promise<Set<string>> {
  if (subscriptionIds.length === 0) return new Set();
  const rows = await db
    .select({ subscriptionId: reportSubscriptionSends.subscriptionId, periodKey: reportSubscriptionSends.periodKey })
    .from(reportSubscriptionSends)
    .where(inArray(reportSubscriptionSends.subscriptionId, subscriptionIds));
  return new Set(rows.map((r) => `${r.subscriptionId}:${r.periodKey}`));
}

/**
 * Unscoped: claims the period's one send of a subscription that is still on.
 * Returns the send's id, or null when another worker claimed it first (the
 * unique (subscription, period) key) or the subscription was stopped.
 */
export async function unsafeClaimReportSend(
  db: DbOrTx,
  input: { firmId: string; subscriptionId: string; periodKey: string; now: Date },
): Promise<string | null> {
  const live = await db
    .select({ id: reportSubscriptions.id })
    .from(reportSubscriptions)
    .where(and(eq(reportSubscriptions.firmId, input.firmId), eq(reportSubscriptions.id, input.subscriptionId), isNull(reportSubscriptions.unsubscribedAt)));
  if (live.length === 0) return null;
  const rows = await db
    .insert(reportSubscriptionSends)
    .values({ firmId: input.firmId, subscriptionId: input.subscriptionId, periodKey: input.periodKey, claimedAt: input.now })
    .onConflictDoNothing({ target: [reportSubscriptionSends.subscriptionId, reportSubscriptionSends.periodKey] })
    .returning({ id: reportSubscriptionSends.id });
  return rows[0]?.id ?? null;
}

/** Unscoped: what became of a claimed send. */
export async function unsafeFinishReportSend(db: DbOrTx, input: { firmId: string; id: string; outcome: string; now: Date }): Promise<void> {
  await db
    .update(reportSubscriptionSends)
    .set({ outcome: input.outcome, sentAt: input.outcome === "sent" || input.outcome === "logged" ? input.now : null })
    .where(and(eq(reportSubscriptionSends.firmId, input.firmId), eq(reportSubscriptionSends.id, input.id)));
}

/**
 * Unscoped: the unsubscribe link's one write (it has no session; the signed
 * link names the firm, the subscription and its subscriber). Idempotent.
 */
export async function unsafeStopReportSubscription(
  db: DbOrTx,
  input: { firmId: string; subscriptionId: string; userId: string; now: Date },
): Promise<void> {
  await db
    .update(reportSubscriptions)
    .set({ unsubscribedAt: input.now })
    .where(
      and(
        eq(reportSubscriptions.firmId, input.firmId),
        eq(reportSubscriptions.id, input.subscriptionId),
        eq(reportSubscriptions.userId, input.userId),
        isNull(reportSubscriptions.unsubscribedAt),
      ),
    );
}

/** Unscoped: gives a claimed period back when its mail could not be written, so a later tick tries again. */
export async function unsafeReleaseReportSend(db: DbOrTx, input: { firmId: string; id: string }): Promise<void> {
  await db
    .delete(reportSubscriptionSends)
    .where(and(eq(reportSubscriptionSends.firmId, input.firmId), eq(reportSubscriptionSends.id, input.id), isNull(reportSubscriptionSends.outcome)));
}
