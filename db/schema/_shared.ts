import { sql } from "drizzle-orm";
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";

/** UUID v7: time-ordered, made in the app so inserts stay index-friendly. */
export const newId = (): string => uuidv7();

export const id = () => uuid().notNull().$defaultFn(newId);

export const firmId = () => uuid().notNull();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Optimistic-lock counter on records people edit. */
export const version = () => integer().notNull().default(1);

export const tstz = () => timestamp({ withTimezone: true });

export const nowSql = sql`now()`;
