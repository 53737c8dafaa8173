/**
 * Rate limits kept in the database: a fixed window per key, counted exactly under concurrency,
 * each limiter sweeping only its own finished windows.
 */
import { describe, expect, it } from 'vitest';
import { createSharedRateLimiter } from '../../../src/kit/server/rate-limit-store.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { useTestApp } from '../../helpers/people.ts';

describe.each(DATABASES)('the shared rate limiter on $name', (database) => {
  const context = useTestApp(database);

  it.skipIf(!database.available)('allows `limit` in a window, says when to retry, and starts afresh after it', async () => {
    const limiter = createSharedRateLimiter(context.app.db, { name: 'test:small', limit: 2, windowMs: 60_000 });
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

  it.skipIf(!database.available)('says how many a key has in its window, and for how long', async () => {
    const limiter = createSharedRateLimiter(context.app.db, { name: 'test:peek', limit: 2, windowMs: 60_000 });
    const start = 1_800_000_000_000;
    expect(await limiter.peek('a', start)).toEqual({ count: 0, retryAfterSeconds: 0 });
    for (let i = 0; i < 3; i++) await limiter.take('a', start);
    expect(await limiter.peek('a', start + 20_000)).toEqual({ count: 3, retryAfterSeconds: 40 });
    expect(await limiter.peek('a', start + 60_000)).toEqual({ count: 0, retryAfterSeconds: 0 });
  });

  it.skipIf(!database.available)('sweeps only its own finished windows, not the longer ones of another limiter', async () => {
    const start = 1_900_000_000_000;
    const long = createSharedRateLimiter(context.app.db, { name: 'test:long', limit: 10, windowMs: 15 * 60_000 });
    const short = createSharedRateLimiter(context.app.db, { name: 'test:short', limit: 10, windowMs: 60_000, sweepEvery: 2 });
    await long.take('account', start);
    await short.take('client', start);
    await short.take('client', start + 120_000);
    expect(await long.peek('account', start + 120_000)).toEqual({ count: 1, retryAfterSeconds: 780 });
    const keys = (await context.app.db.selectFrom('rate_limit_bucket').select('key').execute()).map((row) => row.key);
    expect(keys).toContain('test:long:account');
  });

  it.skipIf(!database.available)('counts requests that arrive together exactly once each', async () => {
    const limiter = createSharedRateLimiter(context.app.db, { name: 'test:burst', limit: 10, windowMs: 60_000 });
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => limiter.take('client:burst', 1_800_000_000_000)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
  });
});
