/**
 * Requests per client in a fixed window. Kept in memory: one server process serves the API;
 * several processes would each count their own share.
 */
export interface RateLimiter {
  /** Counts a request from `client`; says whether it may go ahead, and when to retry if not. */
  take(client: string, now?: number): { allowed: boolean; retryAfterSeconds: number };
}

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    take(client, now = Date.now()) {
      // Forget finished windows now and then, so idle clients cost no memory.
      if (now - lastSweep > windowMs) {
        for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
        lastSweep = now;
      }
      let window = windows.get(client);
      if (!window || now - window.start >= windowMs) {
        window = { start: now, count: 0 };
        windows.set(client, window);
      }
      window.count++;
      const allowed = window.count <= limit;
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((window.start + windowMs - now) / 1000) };
    },
  };
}
