import type { findContacts } from "@/db/queries/contacts";


/** A row of the contacts list, as its table shows it (only what it shows goes to the browser). */
export function contactRow(c: Awaited<ReturnType<typeof findContacts>>["rows"][number]) {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    email: c.email ?? "",
    phone: c.phone,
    clientId: c.clientId,
    clientName: c.clientName,
    interviews: c.interviews,
    archived: !!c.archivedAt,
  };
}

export type ContactRow = ReturnType<typeof contactRow>;
