import { and, eq, ne, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { recordAudit } from "./audit";
import { isStaffScope, withTx, type QueryScope } from "./scope";

/**
 * Saving a record at the version its editor saw (optimistic concurrency):
 * every record table has `firm_id`, `id` and `version`; a change applies only
 * at the version read, and bumps it.
 */

/** What a save returns: the saved record, or why nothing was saved. */
export type SaveResult<T, C = unknown> =
  | { ok: true; value: T }
  | { ok: false; reason: "not_found" }
  /** Someone saved first: the record as it is now, so the editor can compare. */
  | { ok: false; reason: "conflict"; current: C }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> }
  /** Another record already holds a value that must be unique in the firm. */
  | { ok: false; reason: "duplicate"; field: string; existing: { id: string; label: string } };

export const NOT_FOUND = { ok: false, reason: "not_found" } as const;

/** A record type: its table, the columns a save returns (rows of type R) and its name in the audit log. */
export interface RecordKind<R> {
  table: PgTable & { firmId: AnyPgColumn; id: AnyPgColumn; version: AnyPgColumn; archivedAt?: AnyPgColumn };
  columns: Record<string, AnyPgColumn>;
  entityType: string;
  /** Only carries R for the compiler. */
  readonly row?: R;
}

/** The firm's row `id`, locked until the transaction ends (SELECT … FOR UPDATE); null when the firm has none. */
export async function lockRow<R>(scope: QueryScope, kind: RecordKind<R>, id: string): Promise<R | null> {
  const t = kind.table;
  const [row] = await scope.db
    .select(kind.columns)
    .from(t as PgTable)
    .where(and(eq(t.firmId, scope.firmId), eq(t.id, id)))
    .for("update")
    .limit(1);
  return (row as R | undefined) ?? null;
}

/** Another of the firm's records whose `column` matches `value` ignoring case (the one being edited aside); null when none. */
export async function sameTextTaken<R>(
  scope: QueryScope,
  kind: RecordKind<R>,
  column: AnyPgColumn,
  value: string,
  exceptId?: string,
): Promise<{ id: string; name: string } | null> {
  const t = kind.table;
  const [row] = await scope.db
    .select({ id: t.id, name: kind.columns.name! })
    .from(t as PgTable)
    .where(and(eq(t.firmId, scope.firmId), sql`lower(${column}) = lower(${value})`, exceptId ? ne(t.id, exceptId) : undefined))
    .limit(1);
  return (row as { id: string; name: string } | undefined) ?? null;
}

/**
 * UPDATE … SET `values`, version + 1 WHERE the firm, `id` and `expectedVersion`
 * match: the saved row, or null when the row is not there at that version.
 */
export async function updateVersioned<R>(
  scope: QueryScope,
  kind: RecordKind<R>,
  id: string,
  expectedVersion: number,
  values: object,
): Promise<R | null> {
  const t = kind.table;
  const rows = await scope.db
    .update(t as PgTable)
    .set({ ...values, version: sql`${t.version} + 1` } as never)
    .where(and(eq(t.firmId, scope.firmId), eq(t.id, id), eq(t.version, expectedVersion)))
    .returning(kind.columns);
  return ((rows as R[])[0] as R | undefined) ?? null;
}

/**
 * The update-with-version flow, in one transaction: the firm's row `ref.id`
 * locked; not_found when there is none; a conflict carrying the row as it is
 * now when its version is not `ref.version`; otherwise what `change` makes of
 * it (with the transaction's scope).
 */
export function changeAtVersion<R extends { version: number }, T>(
  scope: QueryScope,
  kind: RecordKind<R>,
  ref: { id: string; version: number },
  change: (before: R, txScope: QueryScope) => Promise<SaveResult<T, R>>,
): Promise<SaveResult<T, R>> {
  return scope.db.transaction(async (tx): Promise<SaveResult<T, R>> => {
    const txScope = withTx(scope, tx);
    const before = await lockRow(txScope, kind, ref.id);
    if (!before) return NOT_FOUND;
    if (before.version !== ref.version) return { ok: false, reason: "conflict", current: before };
    return change(before, txScope);
  });
}

async function setArchived<R extends { version: number }>(
  scope: QueryScope,
  kind: RecordKind<R>,
  ref: { id: string; version: number },
  archived: boolean,
): Promise<SaveResult<R, R>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return changeAtVersion(scope, kind, ref, async (before, txScope) => {
    const row = await updateVersioned(txScope, kind, ref.id, ref.version, { archivedAt: archived ? new Date() : null });
    await recordAudit(txScope, {
      action: `${kind.entityType}.${archived ? "archive" : "restore"}`,
      entityType: kind.entityType,
      entityId: ref.id,
    });
    return { ok: true, value: row! };
  });
}

/** Takes a staff record out of the lists (it stays, and can be restored). */
export function archiveRecord<R extends { version: number }>(scope: QueryScope, kind: RecordKind<R>, ref: { id: string; version: number }) {
  return setArchived(scope, kind, ref, true);
}

export function restoreRecord<R extends { version: number }>(scope: QueryScope, kind: RecordKind<R>, ref: { id: string; version: number }) {
  return setArchived(scope, kind, ref, false);
}

/**
 * What the audit log says about an update: `fields`, the names of the fields
 * whose values differ, and { field: [before, after] } only for the fields in
 * `withValues` — ids, enum values, numbers, dates. Names, contact details and
 * free text are never copied into the log (an erasure could not reach them).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  withValues: readonly (keyof T & string)[] = [],
): Record<string, unknown> {
  const fields: string[] = [];
  const values: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k];
    const same = b instanceof Date && v instanceof Date ? b.getTime() === v.getTime() : b === v;
    if (same || v === undefined) continue;
    fields.push(k);
    if ((withValues as readonly string[]).includes(k)) values[k] = [b, v];
  }
  return { fields, ...values };
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
