import type { ContactRecord } from "@/db/queries/contacts";

/** The contact form's fields and their labels (the order of a conflict's summary). */
export const CONTACT_LABELS = { clientId: "Client", name: "Name", title: "Title", email: "Email", phone: "Phone" };

/** A saved contact as the form's values. */
export function contactValues(c: Pick<ContactRecord, "clientId" | "name" | "title" | "email" | "phone">) {
  return { clientId: c.clientId, name: c.name, title: c.title, email: c.email ?? "", phone: c.phone };
}
