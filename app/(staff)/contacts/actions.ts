"use server";

import { getClient } from "@/db/queries/clients";
import { archiveContact, createContact, restoreContact, updateContact } from "@/db/queries/contacts";
import { createContactSchema, updateContactSchema } from "@/lib/core/validation/records";
import { archiveRecordAction, createRecordAction, updateRecordAction, type RecordKind } from "../_components/records/record-actions";
import { CONTACT_LABELS, contactValues } from "./fields";

const contacts: RecordKind = { path: "/contacts", permission: "contacts.write" };
const clientPage = (input: { clientId: string }) => `/clients/${input.clientId}`;

export const createContactAction = createRecordAction(createContactSchema, contacts, createContact, clientPage);

export const updateContactAction = updateRecordAction(
  updateContactSchema,
  contacts,
  updateContact,
  async (scope, c) => {
    const client = await getClient(scope, c.clientId);
    return { version: c.version, values: contactValues(c), labels: CONTACT_LABELS, display: { clientId: client?.name ?? "" } };
  },
  clientPage,
);

export const archiveContactAction = archiveRecordAction(contacts, archiveContact, "Contact archived.");

export const restoreContactAction = archiveRecordAction(contacts, restoreContact, "Contact restored.");
