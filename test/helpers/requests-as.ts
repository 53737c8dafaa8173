/**
 * Requests to a served site as one of the people signed in: `as` names the session cookie in
 * `cookies` (any other name asks anonymously). Sent from the site's own origin, as its pages
 * would, with a JSON Content-Type when there is a body; redirects are not followed, so a test
 * sees them. `json` also checks the status and says which request answered what.
 */
import { expect } from 'vitest';
import type { RunningServer } from './server.ts';

export function requestsAs(site: { readonly server: RunningServer }, cookies: Record<string, string>) {
  const call = (path: string, as: string, init: RequestInit = {}) =>
    fetch(`${site.server.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        Origin: site.server.url,
        ...(typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...(cookies[as] ? { Cookie: cookies[as] } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
  const json = async <T>(path: string, as: string, init: RequestInit = {}, status = 200): Promise<T> => {
    const response = await call(path, as, init);
    const body = await response.text();
    expect(response.status, `${init.method ?? 'GET'} ${path} as ${as}: ${body}`).toBe(status);
    return JSON.parse(body) as T;
  };
  return { call, json };
}
