import { boolean, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, firmPrimaryKey, tstz, updatedAt } from "./_shared";
import { users } from "./auth";
import { firms, tenantKey } from "./firms";

/**
 * A firm's OpenID Connect provider for staff sign-in (lib/auth/sso/). One per
 * firm. The client secret is stored encrypted. `domains` are the work-email
 * domains that route a person to this provider: a route only, never a grant
 * (who gets in is decided by the firm's memberships and invitations).
 */
export const ssoProviders = pgTable(
  "sso_providers",
  {
    firmId: uuid()
      .primaryKey()
      .references(() => firms.id, { onDelete: "cascade" }),
    issuer: text().notNull(),
    clientId: text().notNull(),
    clientSecretEncrypted: text().notNull(),
    domains: text().array().notNull().default(sql`'{}'::text[]`),
    /** Whether the provider is offered at sign-in. */
    enabled: boolean().notNull().default(false),
    /** Whether the firm's staff must sign in through it (admins keep password and second factor as a way back in). */
    required: boolean().notNull().default(false),
    lastTestedAt: tstz(),
    lastTestOk: boolean(),
    lastTestMessage: text(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sso_providers_domains_idx").using("gin", t.domains)],
);

/**
 * A provider's subject (`sub`) linked to an account, for one firm only: the
 * same person signing in through another firm's provider is a different link.
 */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    ...tenantKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: tstz(),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("sso_identities_firm_subject_key").on(t.firmId, t.subject),
    unique("sso_identities_firm_user_key").on(t.firmId, t.userId),
  ],
);

export type SsoProvider = typeof ssoProviders.$inferSelect;
