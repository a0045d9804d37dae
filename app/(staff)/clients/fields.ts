import type { ClientRecord } from "@/db/queries/clients";

/** The client form's fields and their labels (the order of a conflict's summary). */
export const CLIENT_LABELS = { name: "Name", industry: "Industry", website: "Website", notes: "Notes" };

/** A saved client as the form's values. */
export function clientValues(c: Pick<ClientRecord, "name" | "industry" | "website" | "notes">) {
  return { name: c.name, industry: c.industry, website: c.website, notes: c.notes };
}
