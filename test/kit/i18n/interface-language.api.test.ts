/**
 * A person's interface language, over real HTTP on SQLite and PostgreSQL: chosen on /account/,
 * it speaks on the pages rendered on request; the prerendered pages keep their own.
 */
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

describe.each(DATABASES)('the interface language on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, { signIn: { member: PEOPLE.member.email } });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${site.server.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { Origin: site.server.url, Cookie: site.cookies.member, ...(init.headers as Record<string, string>) },
    });
  const chooseLanguage = (language: string) =>
    call('/account/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'language', language }).toString(),
    });

  it.skipIf(!database.available)('shows /account/ in the handbook’s language until the person chooses another', async () => {
    const html = await (await call('/account/')).text();
    expect(html).toContain('<h1>Your account</h1>');
    expect(html).toMatch(/<body>/);
  });

  it.skipIf(!database.available)('speaks Polish on the pages rendered on request once the person chose Polish', async () => {
    const saved = await chooseLanguage('pl');
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/account/?changed=language');

    const account = await (await call('/account/?changed=language')).text();
    expect(account).toContain('<h1>Twoje konto</h1>');
    expect(account).toContain('Język został zapisany.');
    expect(account).toMatch(/<option value="pl" lang="pl" selected>Polski<\/option>/);
    // The content stays English, so search keeps the English index; the interface says it is Polish.
    expect(account).toMatch(/<html lang="en">/);
    expect(account).toMatch(/<body lang="pl">/);
    expect(account).toContain('Moje szkolenia');

    const training = await (await call('/my-training/')).text();
    expect(training).toMatch(/<body lang="pl">/);
    expect(training).toContain('Wyloguj się');
    expect(training).toContain('<h1>Moje szkolenia</h1>');
    expect(training).toContain('Terminy podano w strefie czasowej');

    const acknowledgements = await (await call('/acknowledgements/')).text();
    expect(acknowledgements).toContain('<h1>Zasady do potwierdzenia</h1>');

    const me = (await (await call('/api/me')).json()) as { user: { language: string | null } };
    expect(me.user.language).toBe('pl');
  });

  it.skipIf(!database.available)('thanks a reader without JavaScript in the language of the page they answered for', async () => {
    const html = await (await fetch(`${site.server.url}/feedback/?page=%2Ffaq%2Ferstattung%2F&helpful=yes`)).text();
    expect(html).toContain('<h1>War diese Seite hilfreich?</h1>');
    expect(html).toContain('Zurück zu Rückerstattung nach einer Kündigung');
    const english = await (await fetch(`${site.server.url}/feedback/?page=%2Fpolicies%2Frefunds%2F&helpful=yes`)).text();
    expect(english).toContain('<h1>Was this page helpful?</h1>');
  });

  it.skipIf(!database.available)('refuses a language it does not speak, and goes back to the handbook’s on request', async () => {
    const refused = await chooseLanguage('xx');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Wybierz jeden z języków z listy.');

    expect((await chooseLanguage('')).status).toBe(303);
    const html = await (await call('/account/')).text();
    expect(html).toContain('<h1>Your account</h1>');
  });
});
