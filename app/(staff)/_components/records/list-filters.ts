import type { Menu } from "@/db/queries/menus";
import type { ListFilter } from "../list-controls";

type Option = { value: string; label: string };

/** A closed list's options after the "no filter" one: `anyOf("Any stage", STAGES, STAGE_LABELS)`. */
export function anyOf<V extends string>(any: string, values: readonly V[], labels: Record<V, string>): Option[] {
  return [{ value: "", label: any }, ...values.map((v) => ({ value: v, label: labels[v] }))];
}

type Listed = Menu<{ id: string; name: string }>;

/** The client filter: the menu of db/queries/menus.ts, with a find box when the firm has more clients than it lists. */
export function clientFilter(clients: Listed, value: string | undefined): ListFilter {
  return {
    name: "client",
    label: "Client",
    value: value ?? "",
    lead: [{ value: "", label: "All clients" }],
    options: clients.items.map((c) => ({ value: c.id, label: c.name })),
    find: { kind: "clients", more: clients.more },
  };
}

/**
 * A filter by a team member ("owner", "recruiter"): anyone, the signed-in
 * person as "Mine", optionally nobody, then the others by name (with a find
 * box when the firm has more staff than the menu lists).
 */
export function memberFilter(
  filter: { name: string; label: string; any: string; none?: string },
  value: string | undefined,
  members: Listed,
  userId: string,
): ListFilter {
  return {
    name: filter.name,
    label: filter.label,
    value: value ?? "",
    lead: [
      { value: "", label: filter.any },
      { value: "me", label: "Mine" },
      ...(filter.none ? [{ value: "none", label: filter.none }] : []),
    ],
    options: members.items.filter((m) => m.id !== userId).map((m) => ({ value: m.id, label: m.name })),
    find: { kind: "staff", more: members.more },
  };
}

/** The owner filter of candidates and jobs. */
export const OWNER = { name: "owner", label: "Owner", any: "Anyone's", none: "No owner" };
/** The recruiter filter of interviews and applications. */
export const RECRUITER = { name: "recruiter", label: "Recruiter", any: "Any recruiter" };

/** Active, archived or all records ("Show: Active clients"). */
export function archivedFilter(value: string, noun: string): ListFilter {
  return {
    name: "status",
    label: "Show",
    value,
    defaultValue: "active",
    options: [
      { value: "active", label: `Active ${noun}` },
      { value: "archived", label: `Archived ${noun}` },
      { value: "all", label: `All ${noun}` },
    ],
  };
}
