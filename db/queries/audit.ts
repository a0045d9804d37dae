import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditEvents, users } from "../schema";
import type { QueryScope } from "./scope";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
  /** Who acted, when not the scope's person: null for someone outside the firm (a client answering a feedback link). */
  actorUserId?: string | null;
}

/** Call with the transaction-bound scope of the mutation it records. */
export async function recordAudit(scope: QueryScope, input: AuditInput): Promise<void> {
  await scope.db.insert(auditEvents).values({
    firmId: scope.firmId,
    actorUserId: input.actorUserId === undefined ? scope.userId : input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes: input.changes ?? null,
    ip: scope.ip ?? null,
    requestId: scope.requestId ?? null,
  });
}

export interface AuditFilter {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export async function listAuditEvents(scope: QueryScope, filter: AuditFilter = {}) {
  const where: SQL[] = [eq(auditEvents.firmId, scope.firmId)];
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.createdAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.createdAt, filter.to));
  return scope.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      changes: auditEvents.changes,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(Math.min(filter.limit ?? 100, 500));
}
