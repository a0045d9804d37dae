import type { findClients } from "@/db/queries/clients";
import { formatCompactDate } from "../_components/format";

/** A row of the clients list, as its table shows it (only what it shows goes to the browser). */
export function clientRow(c: Awaited<ReturnType<typeof findClients>>["rows"][number], zone: string) {
  return {
    id: c.id,
    name: c.name,
    industry: c.industry,
    website: c.website,
    openJobs: c.openJobs,
    contacts: c.contacts,
    added: formatCompactDate(c.createdAt, zone),
    updated: formatCompactDate(c.updatedAt, zone),
    archived: !!c.archivedAt,
  };
}

export type ClientRow = ReturnType<typeof clientRow>;
