"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { archiveClient, createClient, restoreClient, updateClient, type ClientRecord } from "@/db/queries/clients";
import { defineFormAction } from "@/lib/actions";
import { createClientSchema, recordRefSchema, updateClientSchema } from "@/lib/core/validation/records";
import { refusedForm } from "../_components/save-result";

const LABELS = { name: "Name", industry: "Industry", website: "Website", notes: "Notes" };

const conflict = (c: ClientRecord) => ({
  version: c.version,
  values: { name: c.name, industry: c.industry, website: c.website, notes: c.notes },
  labels: LABELS,
});

const duplicate = (existing: { id: string; label: string }) => ({
  message: `A client named “${existing.label}” is already in your firm.`,
  href: `/clients/${existing.id}`,
  label: existing.label,
});

export const createClientAction = defineFormAction(createClientSchema, "clients.write", async (scope, input, formData) => {
  const result = await createClient(scope, input);
  if (!result.ok) return refusedForm(result, formData, { duplicate });
  revalidatePath("/clients");
  redirect(`/clients/${result.value.id}?saved=created`);
});

export const updateClientAction = defineFormAction(updateClientSchema, "clients.write", async (scope, input, formData) => {
  const result = await updateClient(scope, input);
  if (!result.ok) return refusedForm(result, formData, { conflict, duplicate });
  revalidatePath("/clients");
  redirect(`/clients/${input.id}?saved=updated`);
});

export const archiveClientAction = defineFormAction(recordRefSchema, "clients.write", async (scope, input, formData) => {
  const result = await archiveClient(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/clients");
  revalidatePath(`/clients/${input.id}`);
  return { ok: true, message: "Client archived." };
});

export const restoreClientAction = defineFormAction(recordRefSchema, "clients.write", async (scope, input, formData) => {
  const result = await restoreClient(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/clients");
  revalidatePath(`/clients/${input.id}`);
  return { ok: true, message: "Client restored." };
});
