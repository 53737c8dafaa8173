/**
 * The review, report and admin pages in a person's language, over real HTTP on SQLite and
 * PostgreSQL: an admin who chose German gets German words, dates and numbers on every one of
 * them, and none of the English catalogue's texts that German says differently.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../src/kit/i18n/index.ts';
import { en, type MessageKey, type PluralMessage } from '../../../src/kit/i18n/messages/en.ts';
import { findUserByEmail, updateUser } from '../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const texts = (message: string | PluralMessage) => (typeof message === 'string' ? [message] : Object.values(message));

/**
 * The pieces of English text between placeholders that German does not share: long enough
 * (two words or more) that finding one on a German page means a word was left in English.
 */
const ENGLISH_ONLY = (Object.keys(en) as MessageKey[]).flatMap((key) => {
  const german = texts(CATALOGUES.de[key]).join('\n');
  return texts(en[key])
    .flatMap((text) => text.split(/\{\w+\}/))
    .map((piece) => piece.trim().replace(/^[,.:;()\s]+|[,.:;()\s]+$/g, ''))
    .filter((piece) => piece.includes(' ') && piece.length >= 8 && !german.includes(piece))
    .map((piece) => ({ key, piece }));
});

/** What a person reads or hears on the page: its text, and the labels, titles and placeholders of its elements. */
function shownText(html: string): string {
  const tree: Root = fromHtml(html);
  const parts = [hastText(tree)];
  visit(tree, 'element', (node) => {
    for (const name of ['ariaLabel', 'title', 'placeholder', 'alt'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string') parts.push(value);
    }
  });
  return parts.join('\n').replace(/\s+/g, ' ');
}

const PAGES = {
  '/reviews/': 'Prüfungen',
  '/reports/training/': 'Schulungsbericht',
  '/reports/training/?module=basics': 'Schulungsbericht',
  '/reports/training/questions/': 'Fragenstatistik: Support basics',
  '/reports/training/assignments/': 'Schulungen zuweisen',
  '/reports/acknowledgements/': 'Bestätigungsbericht',
  '/reports/feedback/': 'Seitenfeedback',
  '/reports/search-gaps/': 'Suchlücken',
  '/admin/users/': 'Personen',
  '/admin/users/new/': 'Person hinzufügen',
  '/admin/audit/': 'Audit-Log',
  '/admin/assistants/': 'Assistenten und Schlüssel: Aufrufe je Werkzeug',
} as const;

describe.each(DATABASES)('the review, report and admin pages in German on $name', (database) => {
  let memberId: string;
  const site = useServedSite(database, FIXTURE_DIST, {
    prepare: async (app) => {
      const ada = await findUserByEmail(app, PEOPLE.admin.email);
      // Ada answers for the refunds pages, so her own review list and their feedback show too.
      await updateUser(app, { user: null }, ada?.id as string, { ownerHandles: ['Billing Operations'] });
      memberId = (await findUserByEmail(app, PEOPLE.member.email))?.id as string;
    },
    signIn: { admin: PEOPLE.admin.email },
  });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${site.server.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { Origin: site.server.url, Cookie: site.cookies.admin, ...(init.headers as Record<string, string>) },
    });
  const postForm = (path: string, form: Record<string, string>) =>
    call(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const expectGerman = (path: string, html: string) => {
    expect(html, path).toMatch(/<body lang="de">/);
    const shown = shownText(html);
    const left = ENGLISH_ONLY.filter(({ piece }) => shown.includes(piece));
    expect(left, `English left on ${path}`).toEqual([]);
  };

  beforeAll(async () => {
    if (!database.available) return;
    expect((await postForm('/account/', { intent: 'language', language: 'de' })).status).toBe(303);
    const vote = await fetch(`${site.server.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site.server.url },
      body: JSON.stringify({ page: '/policies/refunds/', helpful: false, comment: 'Was ist mit Gutscheinen?' }),
    });
    expect(vote.status).toBe(201);
  });

  it.skipIf(!database.available)('assigns training in German, with the date as Germans write it', async () => {
    const refused = await postForm('/reports/training/assignments/', { module: '', target: 'person', email: '', dueOn: 'soon' });
    expect(refused.status).toBe(400);
    const form = await refused.text();
    expect(form).toContain('Nichts wurde zugewiesen; siehe unten.');
    expect(form).toContain('Wählen Sie ein Modul.');
    expect(form).toContain('Geben Sie das Datum als JJJJ-MM-TT ein');
    expectGerman('/reports/training/assignments/ (refused)', form);

    const assigned = await postForm('/reports/training/assignments/', {
      module: 'basics',
      target: 'person',
      email: PEOPLE.member.email,
      dueOn: '2031-03-05',
    });
    expect(assigned.status).toBe(303);
    const page = await (await call(assigned.headers.get('location') as string)).text();
    expect(page).toContain('ist Mia Member zugewiesen, fällig am 5. März 2031.');
    expectGerman('/reports/training/assignments/ (assigned)', page);
  });

  it.skipIf(!database.available)('shows every review, report and admin page with German words only', async () => {
    for (const [path, heading] of Object.entries(PAGES)) {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain(`<h1>${heading}</h1>`);
      expectGerman(path, html);
    }
  });

  it.skipIf(!database.available)('writes states, roles, counts and events in German', async () => {
    const reviews = await (await call('/reviews/')).text();
    expect(reviews).toContain('Seiten, für die Sie verantwortlich sind');
    expect(reviews).toMatch(/Intervall: \d+ (Monate|Tage|Wochen|Jahre?)/);
    expect(reviews).toMatch(/\d+\u00a0%/);

    const report = await (await call('/reports/training/?module=basics')).text();
    expect(report).toContain('5. März 2031');
    expect(report).toContain('Nicht begonnen');

    const people = await (await call('/admin/users/')).text();
    expect(people).toContain('4 Personen');
    expect(people).toContain('<td>Mitglied</td>');
    expect(people).toContain('deaktiviert');

    const audit = await (await call('/admin/audit/')).text();
    expect(audit).toContain('Angemeldet');
    expect(audit).toContain('Person hinzugefügt');
    expect(audit).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);

    const feedback = await (await call('/reports/feedback/')).text();
    expect(feedback).toContain('Was ist mit Gutscheinen?');
    expect(feedback).toContain('Nein</strong>');

    const person = await (await call(`/admin/users/${memberId}/`)).text();
    expect(person).toContain('Änderungen speichern');
    expectGerman('/admin/users/{id}/', person);
  });

  it.skipIf(!database.available)('explains a mistake in a person’s fields in German', async () => {
    const response = await postForm('/admin/users/new/', { email: 'not an address', name: '', role: 'member' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Die Person wurde nicht hinzugefügt; siehe unten.');
    expect(html).toContain('Geben Sie eine geschäftliche E-Mail-Adresse ein');
    expect(html).toContain('Geben Sie den Namen der Person ein');
    expectGerman('/admin/users/new/ (refused)', html);
  });
});
