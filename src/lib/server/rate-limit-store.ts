/**
 * Rate limits kept in the database, so that every server process behind one database counts
 * the same requests: a fixed window per key, counted with one atomic upsert (SQLite and
 * PostgreSQL both have INSERT ... ON CONFLICT ... RETURNING).
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
  /** Forgets `key` (a successful sign-in clears the account's failures). */
  clear(key: string): Promise<void>;
}

/** How often, in takes, old windows are swept from the table. */
const SWEEP_EVERY = 500;

export function createSharedRateLimiter(db: Kysely<Database>, { limit, windowMs }: { limit: number; windowMs: number }): SharedRateLimiter {
  let takes = 0;
  const verdict = (count: number, windowStart: number, now: number): Verdict => {
    const allowed = count <= limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
  };
  return {
    async take(key, now) {
      const expired = now - windowMs;
      const row = await sql<{ count: number | string; window_start: number | string }>`
        insert into rate_limit_bucket (key, window_start, count) values (${key}, ${now}, 1)
        on conflict (key) do update set
          count = case when rate_limit_bucket.window_start <= ${expired} then 1 else rate_limit_bucket.count + 1 end,
          window_start = case when rate_limit_bucket.window_start <= ${expired} then ${now} else rate_limit_bucket.window_start end
        returning count, window_start`
        .execute(db)
        .then((result) => result.rows[0]);
      if (++takes % SWEEP_EVERY === 0) await db.deleteFrom('rate_limit_bucket').where('window_start', '<=', expired).execute();
      return verdict(Number(row?.count ?? 1), Number(row?.window_start ?? now), now);
    },
    async check(key, now) {
      const row = await db.selectFrom('rate_limit_bucket').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
      if (!row || Number(row.window_start) <= now - windowMs) return { allowed: true, retryAfterSeconds: 0 };
      // Full means the next one would be over the limit.
      return verdict(Number(row.count) + 1, Number(row.window_start), now);
    },
    async clear(key) {
      await db.deleteFrom('rate_limit_bucket').where('key', '=', key).execute();
    },
  };
}
