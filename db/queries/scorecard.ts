import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/core/errors";
import { scorecardAttributes } from "../schema";
import { recordAudit } from "./audit";
import { isStaffScope, withTx, type QueryScope } from "./scope";
import { updateVersioned, type RecordKind } from "./versioned";

/**
 * The firm's scorecard: the attributes interviewers rate candidates on,
 * grouped by category. Archived attributes keep their old ratings but are not
 * offered on new feedback.
 */

const columns = {
  id: scorecardAttributes.id,
  category: scorecardAttributes.category,
  name: scorecardAttributes.name,
  description: scorecardAttributes.description,
  position: scorecardAttributes.position,
  archivedAt: scorecardAttributes.archivedAt,
  version: scorecardAttributes.version,
};

export type ScorecardAttributeRow = {
  id: string;
  category: string;
  name: string;
  description: string;
  position: number;
  archivedAt: Date | null;
  version: number;
};

/** The attributes in the order forms show them: by category (first appearance), then position. */
export async function listScorecardAttributes(
  scope: QueryScope,
  opts: { includeArchived?: boolean } = {},
): Promise<ScorecardAttributeRow[]> {
  if (!isStaffScope(scope)) return [];
  const where = [eq(scorecardAttributes.firmId, scope.firmId)];
  if (!opts.includeArchived) where.push(isNull(scorecardAttributes.archivedAt));
  const rows = await scope.db
    .select(columns)
    .from(scorecardAttributes)
    .where(and(...where))
    .orderBy(asc(scorecardAttributes.position), asc(scorecardAttributes.name))
    .limit(500);
  return groupOrder(rows);
}

/** Keeps a category's attributes together, categories in the order their first attribute comes. */
const attributeKind: RecordKind<ScorecardAttributeRow> = { table: scorecardAttributes, columns, entityType: "scorecard_attribute" };

function groupOrder(rows: ScorecardAttributeRow[]): ScorecardAttributeRow[] {
  const order = new Map<string, number>();
  rows.forEach((r) => {
    if (!order.has(r.category)) order.set(r.category, order.size);
  });
  return [...rows].sort((a, b) => order.get(a.category)! - order.get(b.category)! || a.position - b.position || a.name.localeCompare(b.name));
}

export interface ScorecardAttributeFields {
  category: string;
  name: string;
  description: string;
}

async function nameTaken(scope: QueryScope, input: { category: string; name: string }, exceptId?: string) {
  const where = [
    eq(scorecardAttributes.firmId, scope.firmId),
    eq(scorecardAttributes.category, input.category),
    eq(scorecardAttributes.name, input.name),
  ];
  if (exceptId) where.push(ne(scorecardAttributes.id, exceptId));
  const [row] = await scope.db.select({ id: scorecardAttributes.id }).from(scorecardAttributes).where(and(...where)).limit(1);
  return !!row;
}

const duplicate = (input: ScorecardAttributeFields) =>
  new AppError("invalid", `“${input.name}” is already an attribute in ${input.category}.`, {
    name: [`${input.category} already has an attribute with this name.`],
  });

export async function createScorecardAttribute(scope: QueryScope, input: ScorecardAttributeFields): Promise<ScorecardAttributeRow | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  if (await nameTaken(scope, input)) throw duplicate(input);
  return scope.db.transaction(async (tx) => {
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${scorecardAttributes.position}), -1)::int + 1` })
      .from(scorecardAttributes)
      .where(eq(scorecardAttributes.firmId, scope.firmId))) as [{ next: number }];
    const [row] = await tx
      .insert(scorecardAttributes)
      .values({ firmId: scope.firmId, ...input, position: next })
      .returning(columns);
    await recordAudit(withTx(scope, tx), {
      action: "scorecard.attribute_created",
      entityType: "scorecard_attribute",
      entityId: row!.id,
      changes: { ...input },
    });
    return row!;
  });
}

async function locked(scope: QueryScope, ref: { id: string; version: number }) {
  const [before] = await scope.db
    .select(columns)
    .from(scorecardAttributes)
    .where(and(eq(scorecardAttributes.firmId, scope.firmId), eq(scorecardAttributes.id, ref.id)))
    .limit(1);
  if (!before) return null;
  if (before.version !== ref.version) {
    throw new AppError(
      "conflict",
      `Another admin changed “${before.name}” (${before.category}) while you were editing, so nothing was saved. Its current values are shown; save again to apply yours.`,
    );
  }
  return before;
}

export async function updateScorecardAttribute(
  scope: QueryScope,
  input: ScorecardAttributeFields & { id: string; version: number },
): Promise<ScorecardAttributeRow | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  if (await nameTaken(scope, input, input.id)) throw duplicate(input);
  return scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const before = await locked(t, input);
    if (!before) return "not_found" as const;
    const row = await updateVersioned(t, attributeKind, input.id, input.version, {
      category: input.category,
      name: input.name,
      description: input.description,
    });
    if (!row) throw new AppError("conflict");
    await recordAudit(t, {
      action: "scorecard.attribute_updated",
      entityType: "scorecard_attribute",
      entityId: input.id,
      changes: { before: { category: before.category, name: before.name, description: before.description }, after: { ...input, id: undefined, version: undefined } },
    });
    return row;
  });
}

async function setArchived(scope: QueryScope, ref: { id: string; version: number }, archived: boolean) {
  if (!isStaffScope(scope)) return "not_found" as const;
  return scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const before = await locked(t, ref);
    if (!before) return "not_found" as const;
    const row = await updateVersioned(t, attributeKind, ref.id, ref.version, { archivedAt: archived ? new Date() : null });
    if (!row) throw new AppError("conflict");
    await recordAudit(t, {
      action: archived ? "scorecard.attribute_archived" : "scorecard.attribute_restored",
      entityType: "scorecard_attribute",
      entityId: ref.id,
      changes: { name: before.name },
    });
    return row;
  });
}

/** Stops offering the attribute on new feedback; ratings already given keep it. */
export function archiveScorecardAttribute(scope: QueryScope, ref: { id: string; version: number }) {
  return setArchived(scope, ref, true);
}

export function restoreScorecardAttribute(scope: QueryScope, ref: { id: string; version: number }) {
  return setArchived(scope, ref, false);
}

/** Swaps the attribute with its neighbour in the same category ("up" or "down"). */
export async function moveScorecardAttribute(
  scope: QueryScope,
  ref: { id: string; version: number; direction: "up" | "down" },
): Promise<ScorecardAttributeRow[] | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const done = await scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const before = await locked(t, ref);
    if (!before) return false;
    const siblings = (await listScorecardAttributes(t, { includeArchived: true })).filter((a) => a.category === before.category);
    const i = siblings.findIndex((a) => a.id === ref.id);
    const j = ref.direction === "up" ? i - 1 : i + 1;
    const other = siblings[j];
    if (!other) return true;
    // Positions may tie (older data); spread the category out first so a swap always changes the order.
    const base = Math.min(...siblings.map((s) => s.position));
    const order = siblings.map((s) => s.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [k, id] of order.entries()) {
      await tx
        .update(scorecardAttributes)
        .set({ position: base + k, version: sql`${scorecardAttributes.version} + 1` })
        .where(and(eq(scorecardAttributes.firmId, scope.firmId), eq(scorecardAttributes.id, id)));
    }
    await recordAudit(t, {
      action: "scorecard.attribute_moved",
      entityType: "scorecard_attribute",
      entityId: ref.id,
      changes: { direction: ref.direction, name: before.name },
    });
    return true;
  });
  if (!done) return "not_found";
  return listScorecardAttributes(scope, { includeArchived: true });
}
