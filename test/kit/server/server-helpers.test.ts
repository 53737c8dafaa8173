import { describe, expect, it } from 'vitest';
import { corsHeaders } from '../../../src/kit/server/cors.ts';
import { loadEnv } from '../../../src/kit/server/env.ts';
import { createRateLimiter } from '../../../src/kit/server/rate-limit.ts';

describe('createRateLimiter', () => {
  it('lets a client make `limit` requests per window, then says when to retry', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000 });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 1000).allowed).toBe(true);
    expect(limiter.take('a', 2000)).toEqual({ allowed: false, retryAfterSeconds: 8 });
    expect(limiter.take('b', 2000).allowed).toBe(true);
    expect(limiter.take('a', 10_000).allowed).toBe(true);
  });
});

describe('CORS', () => {
  const allowed = loadEnv({ KNOWHOW_CORS_ORIGINS: ' https://helpdesk.example.com/ , https://chat.example.com' }, '/').corsOrigins;

  it('reads the allow-list from KNOWHOW_CORS_ORIGINS', () => {
    expect(allowed).toEqual(['https://helpdesk.example.com', 'https://chat.example.com']);
    expect(loadEnv({}, '/').corsOrigins).toEqual([]);
  });

  it('answers listed origins only', () => {
    expect(corsHeaders('https://chat.example.com', allowed)['Access-Control-Allow-Origin']).toBe('https://chat.example.com');
    expect(corsHeaders('https://evil.example', allowed)).toEqual({});
    expect(corsHeaders(null, allowed)).toEqual({});
  });
});
