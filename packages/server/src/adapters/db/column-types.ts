import type { ColumnType } from 'kysely';

/** A timestamptz column: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A jsonb column: read as its value, written as the JSON text. */
export type Json<T> = ColumnType<T, string, string>;

/** A nullable jsonb column a migration added: read as its value or null, optional on insert. */
export type OptionalJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
