/**
 * Values written into better-auth's tables the way better-auth itself writes them: SQLite keeps
 * booleans as 0/1 and dates as ISO text, PostgreSQL as booleans and timestamps.
 */
import type { DatabaseKind } from './connect.ts';
import type { DbBoolean, DbDate } from './schema.ts';

export function dbBoolean(kind: DatabaseKind, value: boolean): DbBoolean {
  return kind === 'sqlite' ? (value ? 1 : 0) : value;
}

export function dbDate(kind: DatabaseKind, value: Date): DbDate {
  return kind === 'sqlite' ? value.toISOString() : value;
}

/** A date read back from either database, as ISO text. */
export function isoDate(value: DbDate): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
