"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getClient } from "@/db/queries/clients";
import { archiveContact, createContact, restoreContact, updateContact, type ContactRecord } from "@/db/queries/contacts";
import { defineFormAction } from "@/lib/actions";
import { createContactSchema, recordRefSchema, updateContactSchema } from "@/lib/core/validation/records";
import { refusedForm } from "../_components/save-result";

const conflict = (c: ContactRecord) => ({
  version: c.version,
  values: { clientId: c.clientId, name: c.name, title: c.title, email: c.email ?? "", phone: c.phone },
  labels: { clientId: "Client", name: "Name", title: "Title", email: "Email", phone: "Phone" },
});

export const createContactAction = defineFormAction(createContactSchema, "contacts.write", async (scope, input, formData) => {
  const result = await createContact(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/contacts");
  revalidatePath(`/clients/${input.clientId}`);
  redirect(`/contacts/${result.value.id}?saved=created`);
});

export const updateContactAction = defineFormAction(updateContactSchema, "contacts.write", async (scope, input, formData) => {
  const result = await updateContact(scope, input);
  if (!result.ok && result.reason === "conflict") {
    const client = await getClient(scope, result.current.clientId);
    return refusedForm(result, formData, { conflict: (c) => ({ ...conflict(c), display: { clientId: client?.name ?? "" } }) });
  }
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/contacts");
  revalidatePath(`/clients/${input.clientId}`);
  redirect(`/contacts/${input.id}?saved=updated`);
});

export const archiveContactAction = defineFormAction(recordRefSchema, "contacts.write", async (scope, input, formData) => {
  const result = await archiveContact(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/contacts");
  revalidatePath(`/contacts/${input.id}`);
  return { ok: true, message: "Contact archived." };
});

export const restoreContactAction = defineFormAction(recordRefSchema, "contacts.write", async (scope, input, formData) => {
  const result = await restoreContact(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/contacts");
  revalidatePath(`/contacts/${input.id}`);
  return { ok: true, message: "Contact restored." };
});
