import { sql } from "drizzle-orm";
import { integer, primaryKey, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
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

/** The bookkeeping columns of a record people edit: when it was made and changed, and its optimistic-lock version. */
export const editedColumns = () => ({ createdAt: createdAt(), updatedAt: updatedAt(), version: version() });

/** A tenant table's primary key: (firm_id, id), so references can name the firm too. */
export const firmPrimaryKey = (t: { firmId: AnyPgColumn; id: AnyPgColumn }) => primaryKey({ columns: [t.firmId, t.id] });
