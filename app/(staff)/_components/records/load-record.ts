import { notFound } from "next/navigation";
import { z } from "zod";
import { requireScope, type Scope } from "@/lib/auth/scope";
import type { Permission } from "@/lib/core/permissions";
import type { SearchParams } from "@/lib/core/validation/records";
import { recordIdParam } from "../params";

/** A record page's props: the id in the path, and the query (`?saved=…`, a tab). */
export interface RecordPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}

/**
 * The record a page shows: the caller must hold `permission`, and an id that
 * is not a UUID, or names no record of the caller's firm, is simply not found.
 */
export async function loadRecord<T>(
  permission: Permission,
  params: Promise<{ id: string }>,
  get: (scope: Scope, id: string) => Promise<T | null | undefined>,
): Promise<{ scope: Scope; id: string; record: T }> {
  const scope = await requireScope(permission);
  const id = await recordIdParam(params);
  const record = await get(scope, id);
  if (!record) notFound();
  return { scope, id, record };
}

/** The owners to offer, with a former member who still owns the record kept as its current value. */
export function ownersWith(owners: { id: string; name: string }[], record: { ownerUserId: string | null; ownerName: string | null }) {
  return record.ownerUserId && !owners.some((o) => o.id === record.ownerUserId)
    ? [...owners, { id: record.ownerUserId, name: record.ownerName ?? "Former member" }]
    : owners;
}

/** The client a "New … at this client" link names (`?client=`), when it is one of the choices. */
export function clientFromQuery<C extends { id: string }>(query: SearchParams, clients: C[]): C | undefined {
  const preset = z.uuid().safeParse(query.client).success ? (query.client as string) : "";
  return clients.find((c) => c.id === preset);
}

/** Clients as a form's choices. */
export function clientChoices(clients: { id: string; name: string; archivedAt: Date | null }[]) {
  return clients.map((c) => ({ id: c.id, name: c.name, archived: !!c.archivedAt }));
}
