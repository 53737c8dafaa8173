/**
 * A person's interface language, over real HTTP on SQLite and PostgreSQL: chosen on /account/,
 * it speaks on the pages rendered on request; the prerendered pages keep their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/lib/server/app.ts';
import { DATABASES, type TestDatabase } from '../helpers/databases.ts';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';
import { PEOPLE, seedPeople, signIn, testApp } from '../helpers/people.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';

describe.each(DATABASES)('the interface language on $name', (database) => {
  let db: TestDatabase;
  let app: AppContext;
  let server: RunningServer;
  let member: string;

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: member, ...(init.headers as Record<string, string>) },
    });
  const chooseLanguage = (language: string) =>
    call('/account/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'language', language }).toString(),
    });

  beforeAll(async () => {
    if (!database.available) return;
    db = await database.create();
    app = await testApp(db.url);
    await seedPeople(app);
    server = await startServer(FIXTURE_DIST, { DATABASE_URL: db.url });
    member = await signIn(server.url, PEOPLE.member.email);
  });
  afterAll(async () => {
    await server?.stop();
    await app?.close();
    await db?.drop();
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
    const html = await (await fetch(`${server.url}/feedback/?page=%2Ffaq%2Ferstattung%2F&helpful=yes`)).text();
    expect(html).toContain('<h1>War diese Seite hilfreich?</h1>');
    expect(html).toContain('Zurück zu Rückerstattung nach einer Kündigung');
    const english = await (await fetch(`${server.url}/feedback/?page=%2Fpolicies%2Frefunds%2F&helpful=yes`)).text();
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
