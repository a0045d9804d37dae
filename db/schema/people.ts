import { sql, type SQL } from "drizzle-orm";
import { type AnyPgColumn, foreignKey, index, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { editedColumns, firmPrimaryKey, tstz } from "./_shared";
import { jobStatusEnum } from "./enums";
import { tenantKey } from "./firms";
import { users } from "./auth";

/**
 * What a record's search matches, in lower case: one expression per table,
 * used by both its trigram index (pg_trgm, migration 0009) and the list
 * queries, so the planner can use the index for `like '%term%'`.
 */
const searchText = (...cols: AnyPgColumn[]): SQL =>
  sql`lower(${sql.join(
    cols.map((c) => (c.notNull ? sql`${c}` : sql`coalesce(${c}, '')`)),
    sql` || ' ' || `,
  )})`;
const trigramIndex = (name: string, text: SQL) => index(name).using("gin", sql`${text} gin_trgm_ops`);

export const clientSearchText = (t: { name: AnyPgColumn; industry: AnyPgColumn; website: AnyPgColumn }) =>
  searchText(t.name, t.industry, t.website);
export const contactSearchText = (t: { name: AnyPgColumn; title: AnyPgColumn; email: AnyPgColumn; phone: AnyPgColumn }) =>
  searchText(t.name, t.title, t.email, t.phone);
export const candidateSearchText = (t: {
  name: AnyPgColumn;
  email: AnyPgColumn;
  phone: AnyPgColumn;
  headline: AnyPgColumn;
  location: AnyPgColumn;
}) => searchText(t.name, t.email, t.phone, t.headline, t.location);

export const clients = pgTable(
  "clients",
  {
    ...tenantKey(),
    name: text().notNull(),
    industry: text().notNull().default(""),
    website: text().notNull().default(""),
    notes: text().notNull().default(""),
    archivedAt: tstz(),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    uniqueIndex("clients_firm_name_key").on(t.firmId, sql`lower(${t.name})`),
    trigramIndex("clients_search_trgm_idx", clientSearchText(t)),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    ...tenantKey(),
    clientId: uuid().notNull(),
    name: text().notNull(),
    title: text().notNull().default(""),
    email: text(),
    phone: text().notNull().default(""),
    archivedAt: tstz(),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.clientId], foreignColumns: [clients.firmId, clients.id] }),
    index("contacts_firm_client_idx").on(t.firmId, t.clientId),
    index("contacts_firm_email_idx").on(t.firmId, sql`lower(${t.email})`),
    trigramIndex("contacts_search_trgm_idx", contactSearchText(t)),
  ],
);

export const jobs = pgTable(
  "jobs",
  {
    ...tenantKey(),
    clientId: uuid().notNull(),
    title: text().notNull(),
    location: text().notNull().default(""),
    description: text().notNull().default(""),
    status: jobStatusEnum().notNull().default("open"),
    ownerUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: tstz(),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.clientId], foreignColumns: [clients.firmId, clients.id] }),
    index("jobs_firm_client_idx").on(t.firmId, t.clientId),
    index("jobs_firm_owner_idx").on(t.firmId, t.ownerUserId),
  ],
);

export const candidates = pgTable(
  "candidates",
  {
    ...tenantKey(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text().notNull().default(""),
    location: text().notNull().default(""),
    headline: text().notNull().default(""),
    notes: text().notNull().default(""),
    ownerUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: tstz(),
    /** Set when personal data was erased; the row stays so counts and metrics hold. */
    anonymizedAt: tstz(),
    /** Set when the candidate turned off the plan's reminder emails (one-click unsubscribe). */
    planEmailsOffAt: tstz(),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("candidates_firm_email_key").on(t.firmId, t.email),
    index("candidates_firm_owner_idx").on(t.firmId, t.ownerUserId),
    index("candidates_firm_name_idx").on(t.firmId, t.name, t.id),
    // The candidate list's default order (case-insensitive name, then id) for keyset pages.
    index("candidates_firm_lower_name_idx").on(t.firmId, sql`lower(${t.name})`, t.id),
    trigramIndex("candidates_search_trgm_idx", candidateSearchText(t)),
  ],
);

export type Client = typeof clients.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type Candidate = typeof candidates.$inferSelect;
