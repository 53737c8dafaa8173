/**
 * `npm run review` and `npm run review:notify` on a copy of the fixture handbook: the table, JSON,
 * exit codes for a scheduled CI job, --mark round trips that leave the rest of each file
 * byte-identical, and the chat digest posted to a webhook receiver started here.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, PROJECT_ROOT } from '../helpers/fixture-site.ts';

const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

type Script = 'review' | 'review-notify' | 'translation';

/** Runs a command as npm would, from the project root, for someone who typed it in INIT_CWD. */
async function runScript(script: Script, args: string[], env: Record<string, string>): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(PROJECT_ROOT, `cli/${script}.ts`), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BETTER_AUTH_URL: '', KNOWHOW_QUIZZES_DIR: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('review from Git', () => {
  let dir: string;
  let content: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowhow-review-'));
    content = join(dir, 'handbook');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (script: Script, args: string[], env: Record<string, string> = {}) =>
    runScript(script, args, { KNOWHOW_CONTENT_DIR: content, INIT_CWD: dir, ...env });

  it('prints the table, most urgent first, with a count of each state', async () => {
    const { code, stdout } = await cli('review', ['--today', '2026-11-27']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Reviews in ${content} on 2026-11-27 (UTC)`);
    expect(lines[2]).toMatch(/^Title +File +Owner +Due +State$/);
    expect(lines[4]).toMatch(/^Refunds +policies\/refunds\.md +Billing Operations +2021-01-15 +Overdue by 2142d$/);
    expect(stdout).toMatch(/\n\d+ pages: 2 overdue, 0 due soon, \d+ with no review date, \d+ current\.\n$/);
  });

  it('answers JSON filtered by owner and section, and plans ahead with --today', async () => {
    const { stdout } = await cli('review', ['--json', '--owner', 'billing operations', '--today', '2027-06-01']);
    const { today, items } = JSON.parse(stdout) as { today: string; items: { file: string; status: string }[] };
    expect(today).toBe('2027-06-01');
    expect(items.map((item) => [item.file, item.status])).toEqual([
      ['policies/refunds.md', 'overdue'],
      ['faq/erstattung.md', 'overdue'],
      ['procedures/process-refund.mdx', 'overdue'],
    ]);
    const faq = JSON.parse((await cli('review', ['--json', '--section', 'faq', '--today', '2026-11-27'])).stdout) as {
      items: { file: string }[];
    };
    expect(faq.items.every((item) => item.file.startsWith('faq/'))).toBe(true);
  });

  it('fails a scheduled job when pages lapse, and says why', async () => {
    const overdue = await cli('review', ['--fail-on', 'overdue', '--today', '2026-11-27', '--owner', 'Billing Operations']);
    expect(overdue.code).toBe(1);
    expect(overdue.stderr).toBe('2 pages are overdue for review.\n');
    expect((await cli('review', ['--fail-on', 'overdue', '--today', '2026-11-27', '--owner', 'Quality Team'])).code).toBe(0);
    // Due 1 August 2027 (reviewed 1 August 2026, a guide: every year): due soon from 18 July.
    expect((await cli('review', ['--fail-on', 'due-soon', '--today', '2027-07-17', '--owner', 'Quality Team'])).code).toBe(0);
    const soon = await cli('review', ['--fail-on', 'due-soon', '--today', '2027-07-18', '--owner', 'Quality Team']);
    expect(soon).toMatchObject({ code: 1, stderr: '1 page is overdue or due soon for review.\n' });
    const bad = await cli('review', ['--fail-on', 'soon']);
    expect(bad).toMatchObject({ code: 2, stderr: '--fail-on soon: write overdue or due-soon.\n' });
    expect((await cli('review', ['--today', '2026-02-30'])).stderr).toContain('--today 2026-02-30 is not a date: write YYYY-MM-DD');
  });

  it('records reviews in the files, changing nothing else, and lists them as current after', async () => {
    const refunds = join(content, 'policies/refunds.md');
    const plain = join(content, 'faq/plain-page.md');
    const [refundsBefore, plainBefore] = [readFileSync(refunds, 'utf8'), readFileSync(plain, 'utf8')];
    const marked = await cli('review', ['--mark', 'handbook/policies/refunds.md', 'handbook/faq/plain-page.md', '--date', '2026-11-20']);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain('handbook/policies/refunds.md: reviewed 2026-11-20\nhandbook/faq/plain-page.md: reviewed 2026-11-20\n');
    expect(readFileSync(refunds, 'utf8')).toBe(refundsBefore.replace('reviewed: 2020-01-15', 'reviewed: 2026-11-20'));
    expect(readFileSync(plain, 'utf8')).toBe(`---\nreviewed: 2026-11-20\n---\n${plainBefore}`);
    const { items } = JSON.parse((await cli('review', ['--json', '--today', '2026-11-27'])).stdout) as {
      items: { file: string; status: string; due: string }[];
    };
    expect(items.find((item) => item.file === 'policies/refunds.md')).toMatchObject({ status: 'current', due: '2027-11-20' });
    writeFileSync(refunds, refundsBefore);
    writeFileSync(plain, plainBefore);
  });

  it('marks nothing when one file is wrong, or the date is in the future', async () => {
    const refunds = join(content, 'policies/refunds.md');
    const before = readFileSync(refunds, 'utf8');
    const missing = await cli('review', ['--mark', 'handbook/policies/refunds.md', 'handbook/policies/refund.md']);
    expect(missing).toMatchObject({ code: 2, stderr: 'Nothing was marked:\n  handbook/policies/refund.md: no such file.\n' });
    writeFileSync(join(dir, 'notes.md'), '# Notes\n');
    expect((await cli('review', ['--mark', 'notes.md'])).stderr).toBe(
      `Nothing was marked:\n  notes.md: not in the content folder ${content}.\n`,
    );
    expect((await cli('review', ['--mark', 'handbook/knowhow.yaml'])).stderr).toContain('handbook/knowhow.yaml: not a page (.md or .mdx).');
    expect((await cli('review', ['--mark', 'handbook/policies/refunds.md', '--date', '2099-01-01'])).stderr).toContain(
      '--date 2099-01-01 is in the future',
    );
    expect(readFileSync(refunds, 'utf8')).toBe(before);
  });

  it('records which version of the original a translation was made from, and the review lists it once the original changes', async () => {
    const translation = join(content, 'policies/refunds.de.md');
    const text = '---\ntitle: Rückerstattungen\n---\n\nDreißig Tage.\n';
    writeFileSync(translation, text);
    try {
      const marked = await cli('translation', ['--mark', 'handbook/policies/refunds.de.md']);
      expect(marked.code).toBe(0);
      const version = /as of version (\w+)\n$/.exec(marked.stdout)?.[1] as string;
      expect(marked.stdout).toBe(`handbook/policies/refunds.de.md: translates policies/refunds.md as of version ${version}\n`);
      expect(readFileSync(translation, 'utf8')).toBe(`---\ntitle: Rückerstattungen\ntranslatedFrom: ${version}\n---\n\nDreißig Tage.\n`);
      const stale = async () =>
        (
          JSON.parse((await cli('review', ['--json', '--today', '2026-11-27'])).stdout) as { items: { url: string; status: string }[] }
        ).items.filter((item) => item.status === 'translation-stale');
      expect(await stale()).toEqual([]);
      const refunds = join(content, 'policies/refunds.md');
      const original = readFileSync(refunds, 'utf8');
      // The refunds policy has a `version`: a new paragraph under it is not a new version, a bump is.
      writeFileSync(refunds, `${original}\nA new paragraph.\n`);
      expect(await stale()).toEqual([]);
      writeFileSync(refunds, original.replace('version: 1', 'version: 2'));
      expect((await stale()).map((item) => item.url)).toEqual(['/de/policies/refunds/']);
      writeFileSync(refunds, original);
      const notATranslation = await cli('translation', ['--mark', 'handbook/policies/refunds.md']);
      expect(notATranslation).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('handbook/policies/refunds.md: not a translation'),
      });
    } finally {
      rmSync(translation);
    }
  });

  describe('the webhook digest', () => {
    let receiver: Server;
    let url: string;
    const received: { body: unknown; type: string | undefined }[] = [];
    let failNext = 0;

    beforeAll(async () => {
      receiver = createServer(async (request: IncomingMessage, response) => {
        let body = '';
        for await (const chunk of request) body += chunk;
        if (failNext > 0) {
          failNext--;
          response.writeHead(500).end('channel archived');
          return;
        }
        received.push({ body: JSON.parse(body), type: request.headers['content-type'] });
        response.writeHead(200).end('ok');
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/reviews`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('posts one Slack-style message per owner, with absolute links', async () => {
      received.length = 0;
      const result = await cli('review-notify', ['--webhook', url, '--today', '2026-11-27'], {
        BETTER_AUTH_URL: 'https://handbook.fixture.example',
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('Billing Operations: posted 2 pages.\n');
      expect(received).toEqual([
        {
          type: 'application/json',
          body: {
            text: [
              '*Reviews for Billing Operations: 2 pages, 2 overdue*',
              '• <https://handbook.fixture.example/policies/refunds/|Refunds> (policies/refunds.md): overdue by 2142 days (due 15 Jan 2021)',
              '• <https://handbook.fixture.example/faq/erstattung/|Rückerstattung nach einer Kündigung> (faq/erstattung.md): overdue by 87 days (due 1 Sept 2026)',
              'Record a review in Git: npm run review -- --mark <file>',
            ].join('\n'),
          },
        },
      ]);
    });

    it('posts an Adaptive Card for Microsoft Teams, and prints instead with --dry-run', async () => {
      received.length = 0;
      await cli('review-notify', ['--webhook', url, '--format', 'teams', '--site-url', 'https://h.example', '--today', '2027-06-01']);
      expect(
        received.map(
          (message) => (message.body as { attachments: { content: { body: { text: string }[] } }[] }).attachments[0]?.content.body[0]?.text,
        ),
      ).toEqual(['Reviews for Billing Operations: 3 pages, 3 overdue', 'Reviews for Policy Team: 1 page, 1 overdue']);
      received.length = 0;
      const dry = await cli('review-notify', ['--dry-run', '--site-url', 'https://h.example', '--today', '2026-11-27']);
      expect(received).toEqual([]);
      expect(JSON.parse(dry.stdout)).toMatchObject({ text: expect.stringContaining('<https://h.example/policies/refunds/|Refunds>') });
      // Without --site-url: the handbook's public address, site.url in knowhow.yaml.
      const own = await cli('review-notify', ['--dry-run', '--today', '2026-11-27']);
      expect(JSON.parse(own.stdout)).toMatchObject({
        text: expect.stringContaining('<https://handbook.fixture.example/policies/refunds/|Refunds>'),
      });
    });

    it('says which owners were not reached and exits 1, and refuses to run without a site address', async () => {
      failNext = 1;
      const result = await cli('review-notify', ['--webhook', url, '--site-url', 'https://h.example', '--today', '2027-06-01']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'Billing Operations: not posted (500 channel archived).\n1 of 2 messages were not posted; run again to retry.\n',
      );
      expect(result.stdout).toBe('Policy Team: posted 1 page.\n');
      // A content folder without site.url, and no BETTER_AUTH_URL.
      const settings = join(content, 'knowhow.yaml');
      const withUrl = readFileSync(settings, 'utf8');
      writeFileSync(settings, withUrl.replace(/^ {2}url: .*\n/m, ''));
      try {
        const noSite = await cli('review-notify', ['--webhook', url], { BETTER_AUTH_URL: '' });
        expect(noSite.code).toBe(2);
        expect(noSite.stderr).toContain('Say where the handbook is');
      } finally {
        writeFileSync(settings, withUrl);
      }
    });
  });
});

describe('marking a quiz translation', () => {
  // The fixture handbook with its quizzes folder beside it, as a content repository keeps them.
  let dir: string;
  const quiz = (file: string) => join(dir, 'quizzes', file);
  const cli = (script: Script, args: string[]) => runScript(script, args, { KNOWHOW_CONTENT_DIR: join(dir, 'handbook'), INIT_CWD: dir });
  const stale = async () =>
    (
      JSON.parse((await cli('review', ['--json', '--today', '2026-11-27'])).stdout) as {
        items: { url: string; file: string; status: string }[];
      }
    ).items
      .filter((item) => item.status === 'translation-stale' && item.url.startsWith('/quiz/'))
      .map((item) => [item.url, item.file]);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowhow-quiz-mark-'));
    cpSync(FIXTURE_CONTENT, join(dir, 'handbook'), { recursive: true });
    cpSync(fileURLToPath(new URL('../fixtures/quizzes/', import.meta.url)), join(dir, 'quizzes'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("records the version of the original's words in place, and the review lists the translation once they change", async () => {
    const german = readFileSync(quiz('basics.de.yaml'), 'utf8');
    const original = readFileSync(quiz('basics.yaml'), 'utf8');
    expect(await stale()).toEqual([['/quiz/basics/?lang=de', '../quizzes/basics.de.yaml']]);

    const marked = await cli('translation', ['--mark', 'quizzes/basics.de.yaml']);
    expect(marked.code).toBe(0);
    const version = /as of version (\w+)\n$/.exec(marked.stdout)?.[1] as string;
    expect(marked.stdout).toBe(`quizzes/basics.de.yaml: translates quizzes/basics.yaml as of version ${version}\n`);
    // Only the value changes: the comments above it and every other byte stay as they were.
    expect(readFileSync(quiz('basics.de.yaml'), 'utf8')).toBe(german.replace(/^translatedFrom: \w+$/m, `translatedFrom: ${version}`));
    expect(await stale()).toEqual([]);

    // A new answer key with the same words keeps the translation right.
    writeFileSync(quiz('basics.yaml'), original.replace('passMark: 50', 'passMark: 100').replace('answer: true', 'answer: false'));
    expect(await stale()).toEqual([]);
    writeFileSync(quiz('basics.yaml'), original.replace('Quiz prompt - how long', 'Quiz prompt - for how long'));
    expect(await stale()).toEqual([['/quiz/basics/?lang=de', '../quizzes/basics.de.yaml']]);
    writeFileSync(quiz('basics.yaml'), original);
  });

  it('adds translatedFrom to a translation without one, above its questions', async () => {
    const german = readFileSync(quiz('basics.de.yaml'), 'utf8');
    const without = german.replace(/^translatedFrom: \w+\n/m, '');
    writeFileSync(quiz('basics.de.yaml'), without);
    const marked = await cli('translation', ['--mark', 'quizzes/basics.de.yaml']);
    expect(marked.code).toBe(0);
    expect(readFileSync(quiz('basics.de.yaml'), 'utf8')).toBe(
      without.replace('lang: de\n', `lang: de\ntranslatedFrom: ${/version (\w+)/.exec(marked.stdout)?.[1]}\n`),
    );
  });

  it('marks nothing when one of the files cannot be marked, and says why for each', async () => {
    const german = readFileSync(quiz('basics.de.yaml'), 'utf8');
    writeFileSync(quiz('basics.de.yaml'), german.replace(/^translatedFrom: \w+$/m, 'translatedFrom: 000000000000'));
    const before = readFileSync(quiz('basics.de.yaml'), 'utf8');
    writeFileSync(quiz('orphan.fi.yaml'), 'lang: fi\nquestions: []\n');
    const refused = await cli('translation', [
      '--mark',
      'quizzes/basics.de.yaml',
      'quizzes/basics.yaml',
      'quizzes/basics.pl.yaml',
      'quizzes/orphan.fi.yaml',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      [
        'Nothing was marked:',
        "  quizzes/basics.yaml: not a translation; a quiz translation's name ends in its language, e.g. handling-complaints.de.yaml.",
        '  quizzes/basics.pl.yaml: no such file.',
        '  quizzes/orphan.fi.yaml: there is no orphan.yaml beside it: the original quiz it translates.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(quiz('basics.de.yaml'), 'utf8')).toBe(before);
    rmSync(quiz('orphan.fi.yaml'));
  });
});
