"use server";

import { archiveClient, createClient, restoreClient, updateClient } from "@/db/queries/clients";
import { createClientSchema, updateClientSchema } from "@/lib/core/validation/records";
import { archiveRecordAction, createRecordAction, updateRecordAction, type RecordKind } from "../_components/records/record-actions";
import { CLIENT_LABELS, clientValues } from "./fields";

const clients: RecordKind = {
  path: "/clients",
  permission: "clients.write",
  duplicate: (existing) => ({
    message: `A client named “${existing.label}” is already in your firm.`,
    href: `/clients/${existing.id}`,
    label: existing.label,
  }),
};

export const createClientAction = createRecordAction(createClientSchema, clients, createClient);

export const updateClientAction = updateRecordAction(updateClientSchema, clients, updateClient, (_scope, c) => ({
  version: c.version,
  values: clientValues(c),
  labels: CLIENT_LABELS,
}));

export const archiveClientAction = archiveRecordAction(clients, archiveClient, "Client archived.");

export const restoreClientAction = archiveRecordAction(clients, restoreClient, "Client restored.");
