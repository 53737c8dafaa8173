/**
 * Rate limits kept in the database, so that every server process behind one database counts
 * the same requests: a fixed window per key, counted with one atomic upsert (SQLite and
 * PostgreSQL both have INSERT ... ON CONFLICT ... RETURNING). Each limiter keeps its keys under
 * its own name, and sweeps only its own finished windows: a one-minute limiter must not sweep
 * away the fifteen-minute windows of another.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './db/schema.ts';

export interface Verdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface SharedRateLimiter {
  /** Counts one more for `key` and says whether it is still within the limit. */
  take(key: string, now: number): Promise<Verdict>;
  /** Whether `key` is within the limit, without counting. */
  check(key: string, now: number): Promise<Verdict>;
  /** How many `key` has in its window now, and when that window ends; 0 when it has none. */
  peek(key: string, now: number): Promise<{ count: number; retryAfterSeconds: number }>;
  /** Forgets `key` (a successful sign-in clears the account's failures). */
  clear(key: string): Promise<void>;
}

export interface SharedRateLimiterOptions {
  /** Names the limiter's keys in the table, e.g. "sign-in:client". */
  name: string;
  limit: number;
  windowMs: number;
  /** How often, in takes, finished windows are swept from the table. */
  sweepEvery?: number;
}

export function createSharedRateLimiter(
  db: Kysely<Database>,
  { name, limit, windowMs, sweepEvery = 500 }: SharedRateLimiterOptions,
): SharedRateLimiter {
  const prefix = `${name}:`;
  const stored = (key: string) => `${prefix}${key}`;
  let takes = 0;
  const verdict = (count: number, windowStart: number, now: number): Verdict => {
    const allowed = count <= limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
  };
  const current = async (key: string, now: number): Promise<{ count: number; windowStart: number }> => {
    const row = await db
      .selectFrom('rate_limit_bucket')
      .select(['count', 'window_start'])
      .where('key', '=', stored(key))
      .executeTakeFirst();
    if (!row || Number(row.window_start) <= now - windowMs) return { count: 0, windowStart: now };
    return { count: Number(row.count), windowStart: Number(row.window_start) };
  };
  return {
    async take(key, now) {
      const expired = now - windowMs;
      const row = await sql<{ count: number | string; window_start: number | string }>`
        insert into rate_limit_bucket (key, window_start, count) values (${stored(key)}, ${now}, 1)
        on conflict (key) do update set
          count = case when rate_limit_bucket.window_start <= ${expired} then 1 else rate_limit_bucket.count + 1 end,
          window_start = case when rate_limit_bucket.window_start <= ${expired} then ${now} else rate_limit_bucket.window_start end
        returning count, window_start`
        .execute(db)
        .then((result) => result.rows[0]);
      if (++takes % sweepEvery === 0) {
        await db
          .deleteFrom('rate_limit_bucket')
          .where(sql<string>`substr(key, 1, ${prefix.length})`, '=', prefix)
          .where('window_start', '<=', expired)
          .execute();
      }
      return verdict(Number(row?.count ?? 1), Number(row?.window_start ?? now), now);
    },
    async check(key, now) {
      const { count, windowStart } = await current(key, now);
      // Full means the next one would be over the limit.
      return count === 0 ? { allowed: true, retryAfterSeconds: 0 } : verdict(count + 1, windowStart, now);
    },
    async peek(key, now) {
      const { count, windowStart } = await current(key, now);
      return { count, retryAfterSeconds: count === 0 ? 0 : Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
    },
    async clear(key) {
      await db.deleteFrom('rate_limit_bucket').where('key', '=', stored(key)).execute();
    },
  };
}
