import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, firmPrimaryKey, tstz } from "./_shared";
import { tenantKey } from "./firms";
import { users } from "./auth";

/**
 * A staff member's scheduled report email: the reports page's filters (as
 * the page's search params), daily or weekly at a local time on the firm's
 * calendar, with or without the CSV. Unsubscribing keeps the row (with its
 * sends) and stops the mail; deleting removes both.
 */
export const reportSubscriptions = pgTable(
  "report_subscriptions",
  {
    ...tenantKey(),
    /** The subscriber: the mail goes to them and shows what they may see. */
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The filters as the page's search params (filtersForRecord), parsed again at each send. */
    filters: jsonb().$type<Record<string, string>>().notNull().default({}),
    frequency: text().$type<"daily" | "weekly">().notNull(),
    /** ISO weekday for weekly mails: 1 Monday … 7 Sunday; null for daily. */
    weekday: integer(),
    /** The local time on the firm's calendar, "HH:MM". */
    localTime: text().notNull(),
    includeCsv: boolean().notNull().default(false),
    createdAt: createdAt(),
    unsubscribedAt: tstz(),
  },
  (t) => [
    firmPrimaryKey(t),
    index("report_subscriptions_firm_user_idx").on(t.firmId, t.userId),
    check("report_subscriptions_frequency_check", sql`${t.frequency} in ('daily', 'weekly')`),
    check(
      "report_subscriptions_weekday_check",
      sql`(${t.frequency} = 'daily' and ${t.weekday} is null) or (${t.frequency} = 'weekly' and ${t.weekday} between 1 and 7)`,
    ),
    check("report_subscriptions_local_time_check", sql`${t.localTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

/**
 * One row per subscription and period ("2026-12-07" for a daily mail, the
 * ISO week "2026-W50" for a weekly one), inserted before the mail is written:
 * the unique key is the claim, so however many workers tick at once, one of
 * them sends each period's mail.
 */
export const reportSubscriptionSends = pgTable(
  "report_subscription_sends",
  {
    ...tenantKey(),
    subscriptionId: uuid().notNull(),
    periodKey: text().notNull(),
    claimedAt: tstz().notNull(),
    sentAt: tstz(),
    /** sent, logged, failed, duplicate or empty (the subscriber can no longer see reports). */
    outcome: text(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.subscriptionId], foreignColumns: [reportSubscriptions.firmId, reportSubscriptions.id] }).onDelete("cascade"),
    uniqueIndex("report_subscription_sends_period_key").on(t.subscriptionId, t.periodKey),
  ],
);

export type ReportSubscription = typeof reportSubscriptions.$inferSelect;
