/**
 * Read and acknowledge on a real database, SQLite and PostgreSQL: who owes what, signing once
 * whatever is sent twice or at once, versions (a typo fix under the same `version` asks nobody
 * again, a raised `version` asks everyone who signed), what changed since a version signed long
 * ago, refusals, the append-only tables, and the managers' report and the auditors' records.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  dueCount,
  myAcknowledgements,
  policyChanges,
  storePolicyVersions,
  type AcknowledgementDeps,
} from '../../../../src/features/acknowledgements/server/acknowledgements.ts';
import type { AcknowledgementCatalog } from '../../../../src/features/acknowledgements/server/catalog.ts';
import { acknowledgementRecords, acknowledgementReport } from '../../../../src/features/acknowledgements/server/reports.ts';
import type { UserRecord } from '../../../../src/features/accounts/server/user-records.ts';
import { createUser, findUserByEmail } from '../../../../src/features/accounts/server/users.ts';
import { failure } from '../../../helpers/api-error.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { PASSWORD, useTestApp } from '../../../helpers/people.ts';
import { policyCatalog } from '../../../helpers/policies.ts';

const CLI = { user: null, via: 'command line' };

const identity = (version: string, window = 'Ask for the account PIN.', reviewed = '2026-09-30') => ({
  file: 'policies/identity-verification.md',
  source: `---\ntitle: Identity verification\nreviewed: ${reviewed}\naudience: [agent]\nacknowledge: true\nversion: ${version}\n---\n\n## Standard checks\n\n${window}\n\nNever read the PIN back.\n`,
});
const cards = (body = 'Take card numbers only on the keypad.') => ({
  file: 'policies/payment-cards.md',
  source: `---\ntitle: Payment cards\nacknowledge: true\n---\n\n${body}\n`,
});
const plain = { file: 'guides/tone.md', source: '---\ntitle: Tone of voice\n---\n\nBe kind.\n' };

describe.each(DATABASES)('acknowledgements on $name', (database) => {
  let clock = new Date('2026-01-05T09:00:00Z');
  const context = useTestApp(database, { now: () => clock });
  const deps = (catalog: AcknowledgementCatalog): AcknowledgementDeps & { database: typeof context.app.database } => ({
    ...context.app,
    catalog,
  });
  const person = async (email: string, jobRoles = ['agent'], team = 'Tier 1'): Promise<UserRecord> =>
    (await findUserByEmail(context.app, email)) ??
    (
      await createUser(context.app, CLI, {
        email,
        name: email.split('@')[0] as string,
        role: 'member',
        jobRoles,
        team,
        ownerHandles: [],
        password: PASSWORD,
      })
    ).user;
  const v1 = policyCatalog([identity('1'), cards(), plain]);

  it.skipIf(!database.available)('asks the audience, and everyone for a page without one', async () => {
    const agent = await person('ana@kestrel.example');
    const billing = await person('bill@kestrel.example', ['billing-specialist']);
    expect((await myAcknowledgements(deps(v1), agent)).due.map((due) => [due.title, due.version, due.previous])).toEqual([
      ['Identity verification', '1', null],
      ['Payment cards', v1.page('/policies/payment-cards/')?.version, null],
    ]);
    expect((await myAcknowledgements(deps(v1), billing)).due.map((due) => due.title)).toEqual(['Payment cards']);
    expect(await dueCount(deps(v1), agent)).toBe(2);
  });

  it.skipIf(!database.available)('records an acknowledgement once, whatever is sent twice', async () => {
    const agent = await person('ana@kestrel.example');
    const first = await acknowledge(deps(v1), agent, { page: '/policies/identity-verification/', version: '1' });
    clock = new Date('2026-01-05T10:00:00Z');
    const again = await acknowledge(deps(v1), agent, { page: 'policies/identity-verification', version: '1' });
    expect(first).toEqual({
      created: true,
      acknowledgement: {
        page: '/policies/identity-verification/',
        title: 'Identity verification',
        file: 'policies/identity-verification.md',
        version: '1',
        readIn: null,
        acknowledgedAt: '2026-01-05T09:00:00.000Z',
      },
    });
    expect(again).toEqual({ ...first, created: false });
    const mine = await myAcknowledgements(deps(v1), agent);
    expect(mine.due.map((due) => due.title)).toEqual(['Payment cards']);
    expect(mine.acknowledged).toEqual([
      {
        page: '/policies/identity-verification/',
        title: 'Identity verification',
        version: '1',
        acknowledgedAt: '2026-01-05T09:00:00.000Z',
        current: true,
      },
    ]);
    expect(await dueCount(deps(v1), agent)).toBe(1);
  });

  it.skipIf(!database.available)('stores acknowledgements sent at the same moment once', async () => {
    const racer = await person('rae@kestrel.example');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        acknowledge(deps(v1), racer, { page: '/policies/payment-cards/', version: v1.pages[1]?.version as string }),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const rows = await context.app.db.selectFrom('acknowledgement').selectAll().where('user_id', '=', racer.id).execute();
    expect(rows).toHaveLength(1);
  });

  it.skipIf(!database.available)('refuses an old version, a page that asks for nothing and a page that does not exist', async () => {
    const agent = await person('ana@kestrel.example');
    const old = await failure(acknowledge(deps(v1), agent, { page: '/policies/identity-verification/', version: '0' }));
    expect([old.code, old.message]).toEqual([
      'VERSION_CHANGED',
      'Identity verification is now at version 1, not 0: reload the page, read what changed and acknowledge version 1.',
    ]);
    const nothing = await failure(acknowledge(deps(v1), agent, { page: '/guides/tone/', version: '1' }));
    expect([nothing.code, nothing.message]).toEqual([
      'BAD_REQUEST',
      '/guides/tone/ asks nobody to acknowledge it; only pages with acknowledge: true in their front matter do.',
    ]);
    expect((await failure(acknowledge(deps(v1), agent, { page: '/no/such/page/', version: '1' }))).code).toBe('NOT_FOUND');
  });

  it.skipIf(!database.available)('asks nobody again for a typo fixed, or a review date raised, under the same version', async () => {
    const agent = await person('ana@kestrel.example');
    const typoFixed = policyCatalog([identity('1', 'Ask for the account PIN, always.', '2026-03-01'), cards(), plain]);
    await storePolicyVersions(deps(typoFixed));
    expect((await myAcknowledgements(deps(typoFixed), agent)).due.map((due) => due.title)).toEqual(['Payment cards']);
    const report = await acknowledgementReport(deps(typoFixed), { page: '/policies/identity-verification/' });
    expect(report.rows.find((row) => row.person.id === agent.id)?.status).toBe('acknowledged');
    // Without a version, the text's hash is the version: the review date leaves it alone, the text does not.
    const reviewedAgain = policyCatalog([
      identity('1'),
      { ...cards(), source: cards().source.replace('acknowledge', 'reviewed: 2026-02-01\nacknowledge') },
    ]);
    expect(reviewedAgain.page('/policies/payment-cards/')?.version).toBe(v1.page('/policies/payment-cards/')?.version);
    expect(policyCatalog([cards('Take card numbers on the keypad only.')]).page('/policies/payment-cards/')?.version).not.toBe(
      v1.page('/policies/payment-cards/')?.version,
    );
  });

  it.skipIf(!database.available)(
    'asks again when the version is raised, months later, and shows what changed since the text signed',
    async () => {
      const agent = await person('ana@kestrel.example');
      // Two releases later, in the summer: version 2, then a typo fix, then version 3.
      clock = new Date('2026-04-01T09:00:00Z');
      await storePolicyVersions(deps(policyCatalog([identity('2', 'Ask for the account PIN and the date of birth.')])));
      clock = new Date('2026-07-01T09:00:00Z');
      const v3 = policyCatalog([identity('3', 'Ask for the account PIN and send a one-time passcode.'), cards(), plain]);
      await storePolicyVersions(deps(v3));
      const mine = await myAcknowledgements(deps(v3), agent);
      expect(mine.due[0]).toMatchObject({
        title: 'Identity verification',
        version: '3',
        previous: { version: '1', acknowledgedAt: '2026-01-05T09:00:00.000Z' },
      });
      expect(mine.acknowledged[0]?.current).toBe(false);
      const changes = await policyChanges(deps(v3), agent, '/policies/identity-verification/');
      expect(changes).toMatchObject({
        from: { version: '1', acknowledgedAt: '2026-01-05T09:00:00.000Z' },
        to: { version: '3' },
        changed: true,
      });
      // The wording signed in January (before the typo fix), against today's, word by word.
      expect(changes.blocks).toEqual([
        { kind: 'same', text: '## Standard checks\n' },
        {
          kind: 'changed',
          parts: [
            { type: 'same', text: 'Ask for the account PIN' },
            { type: 'added', text: ' and send a one-time passcode' },
            { type: 'same', text: '.\n' },
          ],
        },
        { kind: 'same', text: '\nNever read the PIN back.' },
      ]);
      const fromTwo = await policyChanges(deps(v3), agent, '/policies/identity-verification/', '2');
      expect(fromTwo.from).toEqual({ version: '2', acknowledgedAt: null });
      expect((await failure(policyChanges(deps(v3), agent, '/policies/identity-verification/', '9'))).message).toBe(
        'The text of version 9 of Identity verification was not kept, so it cannot be compared.',
      );
      const newcomer = await person('nia@kestrel.example');
      expect((await failure(policyChanges(deps(v3), newcomer, '/policies/identity-verification/'))).code).toBe('NOT_FOUND');

      await acknowledge(deps(v3), agent, { page: '/policies/identity-verification/', version: '3' });
      const after = await myAcknowledgements(deps(v3), agent);
      expect(after.due.map((due) => due.title)).toEqual(['Payment cards']);
      expect(after.acknowledged.map((entry) => [entry.version, entry.current])).toEqual([
        ['3', true],
        ['1', false],
      ]);
    },
  );

  it.skipIf(!database.available)('keeps acknowledgements and page versions append-only in the database itself', async () => {
    const { db } = context.app;
    await expect(sql`update acknowledgement set version = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from acknowledgement`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update page_version set text = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from page_version`.execute(db)).rejects.toThrow(/append-only/);
    expect((await db.selectFrom('acknowledgement').select('id').execute()).length).toBeGreaterThan(0);
  });

  it.skipIf(!database.available)('reports who has not acknowledged the current version, and every record for auditors', async () => {
    const v3 = policyCatalog([identity('3', 'Ask for the account PIN and send a one-time passcode.'), cards(), plain]);
    await person('tom@kestrel.example', ['agent'], 'Tier 2');
    const report = await acknowledgementReport(deps(v3), { page: '/policies/identity-verification/' });
    const statuses = Object.fromEntries(report.rows.map((row) => [row.person.name, row.status]));
    expect(statuses).toMatchObject({ ana: 'acknowledged', nia: 'missing', tom: 'missing', rae: 'missing' });
    expect(statuses.bill).toBeUndefined();
    expect(report.pages).toEqual([
      expect.objectContaining({ url: '/policies/identity-verification/', version: '3', people: 4, acknowledged: 1 }),
    ]);
    const pending = await acknowledgementReport(deps(v3), { status: 'pending', team: 'Tier 2' });
    expect(pending.rows.map((row) => [row.person.name, row.page.title, row.status])).toEqual([
      ['tom', 'Identity verification', 'missing'],
      ['tom', 'Payment cards', 'missing'],
    ]);
    const records = await acknowledgementRecords(context.app);
    expect(records.map((record) => [record.name, record.page, record.version])).toEqual([
      ['ana', '/policies/identity-verification/', '1'],
      ['rae', '/policies/payment-cards/', v3.page('/policies/payment-cards/')?.version],
      ['ana', '/policies/identity-verification/', '3'],
    ]);
    expect(records[0]).toMatchObject({ email: 'ana@kestrel.example', file: 'policies/identity-verification.md' });
  });
  it.skipIf(!database.available)('lets someone outside the audience acknowledge, without asking or counting them', async () => {
    const v3 = policyCatalog([identity('3', 'Ask for the account PIN and send a one-time passcode.'), cards(), plain]);
    const billing = await person('bill@kestrel.example', ['billing-specialist']);
    expect((await acknowledge(deps(v3), billing, { page: '/policies/identity-verification/', version: '3' })).created).toBe(true);
    expect((await myAcknowledgements(deps(v3), billing)).acknowledged.map((entry) => entry.title)).toEqual(['Identity verification']);
    const report = await acknowledgementReport(deps(v3), { page: '/policies/identity-verification/' });
    expect(report.rows.map((row) => row.person.name)).not.toContain('bill');
    expect(report.pages[0]).toMatchObject({ people: 4, acknowledged: 1 });
  });
  it.skipIf(!database.available)(
    "counts a current translation for the original's version, and sends the reader of a stale one to the original",
    async () => {
      const translated = (lang: string, from: string) => ({
        file: `policies/identity-verification.${lang}.md`,
        source: `---\ntitle: Identity verification (${lang})\ntranslatedFrom: ${from}\n---\n\n## ${lang}\n\nTranslated.\n`,
      });
      const v3 = policyCatalog([
        identity('3', 'Ask for the account PIN and send a one-time passcode.'),
        translated('de', '3'),
        translated('pl', '2'),
      ]);
      const dora = await person('dora@kestrel.example');
      expect(v3.pages.map((page) => page.url)).toEqual(['/policies/identity-verification/']);
      const stale = await failure(acknowledge(deps(v3), dora, { page: '/pl/policies/identity-verification/', version: '3' }));
      expect(stale.code).toBe('TRANSLATION_STALE');
      expect(stale.message).toContain('Polish translation');
      expect(stale.message).toContain('/policies/identity-verification/');
      expect((await myAcknowledgements(deps(v3), dora)).due.map((due) => due.page)).toEqual(['/policies/identity-verification/']);

      const first = await acknowledge(deps(v3), dora, { page: '/de/policies/identity-verification', version: '3' });
      expect(first).toMatchObject({
        created: true,
        acknowledgement: { page: '/policies/identity-verification/', version: '3', readIn: 'de' },
      });
      // The original, read afterwards, is the same version: nothing new to record.
      const again = await acknowledge(deps(v3), dora, { page: '/policies/identity-verification/', version: '3' });
      expect(again).toMatchObject({ created: false, acknowledgement: { readIn: 'de' } });
      expect((await myAcknowledgements(deps(v3), dora)).due).toEqual([]);
      expect(await dueCount(deps(v3), dora)).toBe(0);
      const records = (await acknowledgementRecords(context.app, '/policies/identity-verification/')).filter(
        (record) => record.email === 'dora@kestrel.example',
      );
      expect(records.map((record) => [record.version, record.readIn])).toEqual([['3', 'de']]);
      // A translation of an old version cannot be signed for the new one either.
      const old = await failure(acknowledge(deps(v3), dora, { page: '/de/policies/identity-verification/', version: '2' }));
      expect(old.code).toBe('VERSION_CHANGED');
    },
  );
});
