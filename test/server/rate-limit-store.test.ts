/** Rate limits kept in the database: a fixed window per key, counted exactly under concurrency. */
import { describe, expect, it } from 'vitest';
import { createSharedRateLimiter } from '../../src/lib/server/rate-limit-store.ts';
import { DATABASES } from '../helpers/databases.ts';
import { useTestApp } from '../helpers/people.ts';

describe.each(DATABASES)('the shared rate limiter on $name', (database) => {
  const context = useTestApp(database);

  it.skipIf(!database.available)('allows `limit` in a window, says when to retry, and starts afresh after it', async () => {
    const limiter = createSharedRateLimiter(context.app.db, { limit: 2, windowMs: 60_000 });
    const start = 1_800_000_000_000;
    expect((await limiter.take('client:a', start)).allowed).toBe(true);
    expect((await limiter.take('client:a', start + 1000)).allowed).toBe(true);
    expect(await limiter.take('client:a', start + 2000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect(await limiter.check('client:a', start + 3000)).toEqual({ allowed: false, retryAfterSeconds: 57 });
    expect((await limiter.take('client:b', start + 2000)).allowed).toBe(true);
    expect((await limiter.take('client:a', start + 60_000)).allowed).toBe(true);
    await limiter.clear('client:a');
    expect((await limiter.check('client:a', start + 60_001)).allowed).toBe(true);
  });

  it.skipIf(!database.available)('counts requests that arrive together exactly once each', async () => {
    const limiter = createSharedRateLimiter(context.app.db, { limit: 10, windowMs: 60_000 });
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => limiter.take('client:burst', 1_800_000_000_000)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
  });
});
