import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, editedColumns, firmPrimaryKey, id, tstz } from "./_shared";
import { membershipStatusEnum, roleEnum } from "./enums";
import { firms, tenantKey } from "./firms";
import { candidates } from "./people";

/** Global: a person may belong to several firms through memberships. */
export const users = pgTable(
  "users",
  {
    id: id().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    /** Bumped by sign-out-everywhere, password change, role change and deactivation. */
    sessionVersion: integer().notNull().default(1),
    mfaSecret: text(),
    mfaEnabledAt: tstz(),
    /** The last TOTP time step accepted, so a code works once. */
    mfaLastStep: integer(),
    recoveryCodeHashes: jsonb().$type<string[]>().notNull().default([]),
    lastSignInAt: tstz(),
    ...editedColumns(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    ...tenantKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    /** Set for candidates: the candidate record this sign-in belongs to. */
    candidateId: uuid(),
    status: membershipStatusEnum().notNull().default("active"),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("memberships_firm_user_key").on(t.firmId, t.userId),
    index("memberships_user_idx").on(t.userId),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    ...tenantKey(),
    email: text().notNull(),
    name: text().notNull().default(""),
    role: roleEnum().notNull(),
    candidateId: uuid(),
    tokenHash: text().notNull().unique(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: tstz(),
    revokedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    firmPrimaryKey(t),
    index("invitations_firm_email_idx").on(t.firmId, t.email),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
  ],
);

/** Global: a reset belongs to a person, not to a firm. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** Global: one row per signed-in browser, so sessions can be listed and ended. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: id().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    firmId: uuid().references(() => firms.id, { onDelete: "cascade" }),
    /** Set when the firm's own single sign-on provider opened the session: it is then valid for that firm alone. */
    ssoFirmId: uuid().references(() => firms.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: tstz(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId), index("auth_sessions_firm_idx").on(t.firmId)],
);

/**
 * Global: throttling buckets (sign-in per account and per address, API tokens),
 * kept in Postgres so limits hold across several app instances.
 */
export const throttles = pgTable("throttles", {
  key: text().primaryKey(),
  count: integer().notNull().default(0),
  windowStartsAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: tstz(),
});

/**
 * Global: one-time credentials that are not stored elsewhere (the second-step
 * ticket of sign-in). A key here has been spent; rows past expiresAt may go.
 */
export const spentTokens = pgTable(
  "spent_tokens",
  {
    key: text().primaryKey(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("spent_tokens_expires_idx").on(t.expiresAt)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    ...tenantKey(),
    name: text().notNull(),
    /** The first characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: tstz(),
    revokedAt: tstz(),
  },
  (t) => [firmPrimaryKey(t)],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
