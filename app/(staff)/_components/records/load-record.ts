import { notFound } from "next/navigation";
import { z } from "zod";
import type { Menu } from "@/db/queries/menus";
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
export function ownersWith(owners: Menu<{ id: string; name: string }>, record: { ownerUserId: string | null; ownerName: string | null }) {
  return record.ownerUserId && !owners.items.some((o) => o.id === record.ownerUserId)
    ? { ...owners, items: [{ id: record.ownerUserId, name: record.ownerName ?? "Former member" }, ...owners.items] }
    : owners;
}

/** The client id a "New … at this client" link names (`?client=`), if it is an id at all. */
export function clientIdFromQuery(query: SearchParams): string | undefined {
  return z.uuid().safeParse(query.client).success ? (query.client as string) : undefined;
}

/** The client a "New … at this client" link names, when it is one of the choices. */
export function clientFromQuery<C extends { id: string }>(query: SearchParams, clients: Menu<C>): C | undefined {
  const preset = clientIdFromQuery(query);
  return preset ? clients.items.find((c) => c.id === preset) : undefined;
}

/** Clients as a form's choices. */
export function clientChoices(clients: Menu<{ id: string; name: string; archivedAt: Date | null }>) {
  return { items: clients.items.map((c) => ({ id: c.id, name: c.name, archived: !!c.archivedAt })), more: clients.more };
}
