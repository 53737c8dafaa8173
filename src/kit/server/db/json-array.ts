/**
 * A subquery's rows as a JSON array column, in one query instead of one per relation:
 * Kysely's helpers for each database (json_agg on PostgreSQL, json_group_array on SQLite).
 * SQLite gives the array back as text, PostgreSQL as parsed JSON; `parseJsonArray` takes both.
 */
import type { RawBuilder, SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import type { DatabaseKind } from './connect.ts';

export function jsonArrayFrom<Row>(kind: DatabaseKind, subquery: SelectQueryBuilder<never, never, Row>): RawBuilder<Row[]> {
  return (kind === 'postgres' ? postgresJsonArray(subquery) : sqliteJsonArray(subquery)) as RawBuilder<Row[]>;
}

export function parseJsonArray<Row>(value: Row[] | string | null): Row[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as Row[]) : value;
}
