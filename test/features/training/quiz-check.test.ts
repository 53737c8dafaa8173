/**
 * Quizzes checked with the content folder (test/fixtures/check-quizzes/<case>/, each a content
 * folder with its quizzes folder beside it), as `npm run check:content` and the build report them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/features/content/problems.ts';
import { loadSite } from '../../../src/features/handbook/load-site.ts';
import { reviewItems } from '../../../src/features/reviews/items.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-site.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/check-quizzes/${name}/`, import.meta.url)).replace(/\/$/, '');
const now = new Date('2026-11-22T12:00:00Z');

describe('quizzes in the content check', () => {
  it('reads the quizzes folder beside the content folder into the site model', () => {
    const site = loadSite(`${fixture('clean')}/content`, { now });
    expect(formatReport(site.problems)).toBe('0 errors, 0 warnings: ok');
    expect(site.quizzes).toHaveLength(1);
    expect(site.quizzes[0]).toMatchObject({
      module: 'basics',
      file: 'quizzes/basics.yaml',
      passMark: 75,
      attempts: 2,
      shuffle: false,
      reveal: 'after-pass',
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(site.quizzes[0]?.questions.map((question) => question.source)).toEqual([
      {
        href: '../content/policies/identity-verification.md#standard-verification',
        url: '/policies/identity-verification/',
        anchor: 'standard-verification',
      },
      {
        href: '../content/policies/identity-verification.md#failed-verification',
        url: '/policies/identity-verification/',
        anchor: 'failed-verification',
      },
    ]);
  });

  it('reports unknown modules, two quizzes for one module, broken sources and broken files, and skips other files', () => {
    const site = loadSite(`${fixture('problems')}/content`, { now });
    expect(formatReport(site.problems)).toMatchInlineSnapshot(`
      "quizzes/basics-again.yaml:1 error module: basics already has a quiz, in quizzes/basics.yaml
          a module has one quiz: move these questions into that file, or name another module
      quizzes/basics.yaml:9 error source: policies/identity-verification.md has no heading with the anchor #standard-verificaton
          anchors are the heading's words in lower case joined by hyphens; this page has #standard-verification, #failed-verification
      quizzes/basics.yaml:13 error source: ../content/policies/identity.md#failed-verification is not a page of the content folder
          link to the page's file from this quiz file, e.g. source: ../content/policies/refunds.md#refund-window
      quizzes/broken.yaml:4 error the quiz is not valid YAML: Nested mappings are not allowed in compact mappings
          each line is \`field: value\`, and list items start with \`- \`; put quotes around text that contains a colon, e.g. prompt: "Refunds: who approves them?"
      quizzes/old/handling-complaints.yaml:1 error module: the quiz names no module, and its file name "handling-complaints" is not a training module
          write the name of the module's folder under training/, e.g. module: basics; the modules are basics and new-agent-onboarding
      quizzes/onboarding.yml:1 error module: "new-agent-onbording" is not a training module; did you mean new-agent-onboarding?
          write the name of the module's folder under training/, e.g. module: new-agent-onboarding; the modules are basics and new-agent-onboarding
      6 errors, 0 warnings: fix the problems above"
    `);
    expect(site.quizzes.map((quiz) => quiz.file)).toEqual(['quizzes/basics.yaml']);
  });

  it('checks the headings sources name only once pages are rendered, as links are', () => {
    const quick = loadSite(`${fixture('problems')}/content`, { now, checkLinks: false });
    const sources = quick.problems.filter((problem) => problem.code === 'BROKEN_SOURCE').map((problem) => problem.message);
    expect(sources).toEqual(['../content/policies/identity.md#failed-verification is not a page of the content folder']);
  });

  it('reads another quizzes folder when told, and none when there is none', () => {
    const site = loadSite(`${fixture('problems')}/content`, { now, quizzesDir: `${fixture('clean')}/quizzes` });
    expect(site.quizzes.map((quiz) => [quiz.module, quiz.file])).toEqual([['basics', '../clean/quizzes/basics.yaml']]);
    expect(loadSite(`${fixture('clean')}/content`, { now, quizzesDir: '/no/such/folder' }).quizzes).toEqual([]);
  });
});

describe('quiz translations in the content check', () => {
  const site = () => loadSite(`${fixture('translations')}/content`, { now });

  it('reads a translation into its original quiz, with a source on the translated page, and changes nothing graded', () => {
    const quiz = site().quizzes[0];
    const clean = loadSite(`${fixture('clean')}/content`, { now }).quizzes[0];
    expect(quiz?.lang).toBe('en');
    expect(quiz?.version).toBe(clean?.version);
    expect(quiz?.questions).toEqual(clean?.questions);
    expect(quiz?.translations.find((translation) => translation.lang === 'de')).toEqual({
      lang: 'de',
      file: 'quizzes/basics.de.yaml',
      translatedFrom: quiz?.wordsVersion,
      stale: false,
      questions: {
        'two-details': {
          prompt: 'Wie viele Sicherheitsmerkmale braucht ein Anrufer?',
          choices: { a: { text: 'Zwei' }, b: { text: 'Eines', feedback: 'Ein Merkmal reicht nicht.' } },
          explanation: 'Vollständiger Name und zwei Sicherheitsmerkmale.',
          source: {
            href: '../content/policies/identity-verification.de.md#standardprüfung',
            url: '/de/policies/identity-verification/',
            anchor: 'standardprüfung',
          },
        },
        'three-attempts': {
          prompt: 'Nach drei Fehlversuchen beenden Sie das Gespräch.',
          choices: {},
          feedback: 'Doch, nach drei Fehlversuchen ist Schluss.',
        },
      },
    });
  });

  it('reports ids the original lacks, what a translation leaves out, a second translation, and one without an original', () => {
    expect(formatReport(site().problems)).toMatchInlineSnapshot(`
      "quizzes/basics-deutsch.yaml:2 error module: the quiz of basics already has a de translation, in quizzes/basics.de.yaml
          keep one translation per language: merge the two files
      quizzes/basics.en.yaml:2 error lang: this is a translation into en, the language quizzes/basics.yaml is written in
          name a translation after the language it is in, e.g. lang: de in quizzes/basics.de.yaml
      quizzes/basics.pl.yaml:1 warning questions: the translation leaves out two-details: learners see it in the words of quizzes/basics.yaml
          translate it under - id: two-details, with prompt: and choices: below
      quizzes/basics.pl.yaml:1 warning the translation does not say which version of quizzes/basics.yaml it was made from, so learners are told it may be out of date
          once it says what quizzes/basics.yaml says, run npm run translation -- --mark quizzes/basics.pl.yaml
      quizzes/basics.pl.yaml:5 error id: quizzes/basics.yaml has no question "two-detail"; did you mean two-details?
          a translation has the original's questions under their ids: two-details and three-attempts
      quizzes/basics.pl.yaml:7 error choices: the question "three-attempts" is true-false: its choices are True and False, which the interface says in every language
          leave choices out, and write the feedback for the wrong answer as feedback: on the question
      quizzes/basics.sv.yaml:1 warning the translation does not say which version of quizzes/basics.yaml it was made from, so learners are told it may be out of date
          once it says what quizzes/basics.yaml says, run npm run translation -- --mark quizzes/basics.sv.yaml
      quizzes/basics.sv.yaml:4 error feedback: the question "two-details" is single-choice, so its feedback belongs to its choices
          put each feedback under the choice it answers, with that choice’s id
      quizzes/basics.sv.yaml:4 warning choices: the question "two-details" leaves out the choice b: learners read it in the original's words
          translate it as - id: b with text: below
      quizzes/basics.sv.yaml:10 error id: the question "two-details" has no choice "c" in quizzes/basics.yaml
          translate the original's choices under their ids: a and b (a, b, c... by position where the original gives none)
      quizzes/basics.sv.yaml:12 error source: ../content/policies/identity-verification.sv.md#standard is not a page of the content folder; did you mean ../content/policies/identity-verification.de.md?
          link to the page's file from this quiz file, e.g. source: ../content/policies/refunds.md#refund-window
      quizzes/onboarding.fi.yaml:1 error module: this translates the quiz of onboarding, but onboarding has no quiz to translate
          write the original first, as quizzes/onboarding.yaml: it holds the answer key that grades every language
      8 errors, 4 warnings: fix the problems above"
    `);
  });
});

describe('freshness of quiz translations', () => {
  // A copy of the translations fixture, to change its original quiz.
  let dir: string;
  const basics = () => join(dir, 'quizzes/basics.yaml');
  const fixtureQuiz = readFileSync(`${fixture('translations')}/quizzes/basics.yaml`, 'utf8');
  const load = () => loadSite(join(dir, 'content'), { now });
  const freshness = () =>
    load()
      .problems.filter((problem) => problem.code === 'TRANSLATION_UNVERSIONED')
      .map((problem) => `${problem.file}:${problem.line} ${problem.code} ${problem.message}\n    ${problem.hint}`);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowhow-quiz-fresh-'));
    cpSync(fixture('translations'), dir, { recursive: true });
  });
  afterEach(() => writeFileSync(basics(), fixtureQuiz));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('warns about a translation that does not say what it was made from, with the command that records it', () => {
    expect(freshness()).toEqual([
      'quizzes/basics.pl.yaml:1 TRANSLATION_UNVERSIONED the translation does not say which version of quizzes/basics.yaml it was made from, so learners are told it may be out of date\n    once it says what quizzes/basics.yaml says, run npm run translation -- --mark quizzes/basics.pl.yaml',
      'quizzes/basics.sv.yaml:1 TRANSLATION_UNVERSIONED the translation does not say which version of quizzes/basics.yaml it was made from, so learners are told it may be out of date\n    once it says what quizzes/basics.yaml says, run npm run translation -- --mark quizzes/basics.sv.yaml',
    ]);
    expect(load().quizzes[0]?.translations.map(({ lang, stale }) => [lang, stale])).toEqual([
      ['de', false],
      ['pl', true],
      ['sv', true],
    ]);
  });

  it('keeps a translation fresh when only the answer key and settings change', () => {
    writeFileSync(
      basics(),
      fixtureQuiz
        .replace('passMark: 75', 'passMark: 90')
        .replace('        correct: true\n      - text: One', '      - text: One\n        correct: true')
        .replace('answer: true', 'answer: false'),
    );
    const site = load();
    expect(site.quizzes[0]?.version).not.toBe(loadSite(`${fixture('translations')}/content`, { now }).quizzes[0]?.version);
    expect(site.quizzes[0]?.translations.find((translation) => translation.lang === 'de')?.stale).toBe(false);
  });

  it("lists a translation for review once the original's words change, without failing the check", () => {
    writeFileSync(basics(), fixtureQuiz.replace('feedback: One detail is not enough.', 'feedback: One detail is never enough.'));
    // As for pages: the original's author is not stopped while translations catch up.
    expect(freshness().filter((problem) => problem.startsWith('quizzes/basics.de.yaml'))).toEqual([]);
    const site = load();
    expect(site.quizzes[0]?.translations.find((translation) => translation.lang === 'de')?.stale).toBe(true);
    const stale = reviewItems(site, '2026-11-22', '14d', { status: ['translation-stale'] });
    expect(stale.find((item) => item.file === '../quizzes/basics.de.yaml')).toEqual({
      title: 'Quiz: Support basics',
      url: '/quiz/basics/?lang=de',
      file: '../quizzes/basics.de.yaml',
      owner: 'Learning and Development',
      reviewed: '2026-10-01',
      reviewEvery: '1y',
      due: null,
      status: 'translation-stale',
      daysOverdue: 0,
      section: '/training/',
    });
  });
});

describe('npm run check:content with quizzes', () => {
  const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    spawnSync(process.execPath, ['cli/check-content.ts', ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, KNOWHOW_QUIZZES_DIR: '', ...env },
    });

  it('fails on a broken quiz, and names the quizzes folder it read', () => {
    const result = run({ KNOWHOW_CONTENT_DIR: `${fixture('problems')}/content` });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`and 1 quiz in ${fixture('problems')}/quizzes`);
    expect(result.stdout).toContain('quizzes/onboarding.yml:1 error module: "new-agent-onbording" is not a training module');
  });

  it('reads KNOWHOW_QUIZZES_DIR relative to the project root, and counts quizzes in --json', () => {
    const result = run(
      { KNOWHOW_CONTENT_DIR: `${fixture('clean')}/content`, KNOWHOW_QUIZZES_DIR: 'test/fixtures/check-quizzes/clean/quizzes' },
      '--json',
    );
    const parsed = JSON.parse(result.stdout) as { quizzesDir: string; quizzes: number; problems: unknown[] };
    expect(result.status).toBe(0);
    expect(parsed).toMatchObject({ quizzesDir: `${fixture('clean')}/quizzes`, quizzes: 1, problems: [] });
  });
});
