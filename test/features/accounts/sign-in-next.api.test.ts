/**
 * /sign-in/?next=... over real HTTP: signed in already, or signing in with the form, a person
 * goes back to a path of this site, and a `next` that a browser would read as another host, a
 * script or a broken header goes to the home page: 303, never 500.
 */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, signIn } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

/** `next` as it appears in the address, already percent-encoded where a browser would send it so. */
const HOSTILE = [
  '//evil.example',
  '%2F%2Fevil.example',
  '/\\evil.example',
  '%2F%5Cevil.example',
  '\\/\\/evil.example',
  '%5C%2F%5C%2Fevil.example',
  '/%09/evil.example',
  '%2F%09%2Fevil.example',
  '/%0A/evil.example',
  '%2F%0D%2Fevil.example',
  '/.//evil.example',
  '%2F.%2F%2Fevil.example',
  '/%2e//evil.example',
  'https://evil.example/',
  'https%3A%2F%2Fevil.example%2F',
  'javascript:alert(1)',
  'javascript%3Aalert(document.cookie)',
  '/%0A',
  '%0A',
  '%0D',
  '%E3%80%82',
  '%E3%80%82evil.example',
  '%2F%2Fevil%E3%80%82example',
  '%00',
  '%2F%0Aevil.example',
  '/policies/%0A',
  '/%0D%0ASet-Cookie:%20x=1',
  '/policies/%E3%80%82',
  '/caf%C3%A9/',
];

describe('coming back after signing in', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST);
  let cookie: Promise<string> | undefined;
  /** Signed in once for all: sign-in attempts are limited per address. */
  const get = async (next: string) => {
    cookie ??= signIn(site.server.url, PEOPLE.member.email);
    return fetch(`${site.server.url}/sign-in/?next=${next}`, { headers: { Cookie: await cookie }, redirect: 'manual' });
  };

  it.each(HOSTILE)('goes home for next=%s when signed in already', async (next) => {
    const response = await get(next);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('goes back to a path of this site, as the browser would have opened it', async () => {
    for (const [next, location] of [
      ['%2Fpolicies%2Frefunds%2F%3Ffrom%3Dchat', '/policies/refunds/?from=chat'],
      // Percent-encoded in `next` itself, as the sign-in link of a page with such an address has it.
      ['%2Ffaq%2Fcaf%25C3%25A9%2F%3Fq%3Da%2520b', '/faq/caf%C3%A9/?q=a%20b'],
      ['%2Fpolicies%2Fa%2F..%2Frefunds%2F', '/policies/refunds/'],
    ]) {
      const response = await get(next as string);
      expect([response.status, response.headers.get('location')], next).toEqual([303, location]);
    }
  });

  it('goes home after signing in with the form, and keeps the form on the way', async () => {
    const form = (next: string) =>
      fetch(`${site.server.url}/sign-in/?next=${next}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.server.url },
        body: new URLSearchParams({ email: PEOPLE.manager.email, password: PASSWORD }),
        redirect: 'manual',
      });
    for (const next of ['%2F%09%2Fevil.example', '/.//evil.example', '%0A']) {
      const response = await form(next);
      expect([response.status, response.headers.get('location')], next).toEqual([303, '/']);
    }
    const page = await (await fetch(`${site.server.url}/sign-in/?next=%2F%09%2Fevil.example`)).text();
    expect(page).toContain('action="/sign-in/"');
    expect(page).not.toContain('evil.example');
    expect((await form('%2Fpolicies%2Frefunds%2F')).headers.get('location')).toBe('/policies/refunds/');
  });
});
