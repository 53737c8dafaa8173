/**
 * The quizzes of a real build of test/fixtures/site (its quizzes folder is test/fixtures/quizzes):
 * the answer keys are in the server's folder, where the server reads them, and nothing of a quiz
 * is in any file the browser can fetch.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBuiltQuizzes } from '../../src/features/handbook/server/manifest.ts';
import { QUIZZES_FILE } from '../../src/features/training/quiz-types.ts';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';

const SERVER_DIR = join(FIXTURE_DIST, 'server');
const CLIENT_DIR = join(FIXTURE_DIST, 'client');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A file's text; Pagefind's index files are gzipped. */
function textOf(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

describe('the built quizzes', () => {
  const quizzes = readBuiltQuizzes(SERVER_DIR);

  it(`are in dist/server/${QUIZZES_FILE}, with their answer keys and sources resolved`, () => {
    expect(quizzes.map((quiz) => [quiz.module, quiz.file])).toEqual([['basics', 'quizzes/basics.yaml']]);
    const [quiz] = quizzes;
    expect(quiz).toMatchObject({
      passMark: 50,
      attempts: 2,
      shuffle: true,
      reveal: 'after-pass',
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(
      quiz?.questions.map((question) => [
        question.id,
        question.choices.map((choice) => choice.correct),
        question.source?.url,
        question.source?.anchor,
      ]),
    ).toEqual([
      ['refund-window', [true, false], '/policies/refunds/', 'refund-window'],
      ['check-the-order', [true, false], '/procedures/process-refund/', 'check-the-order'],
    ]);
  });

  it('are nowhere in the files the browser can fetch', () => {
    // True and False are words any page may use; everything else a quiz says is its own.
    const secrets = quizzes.flatMap((quiz) =>
      quiz.questions.flatMap((question) => [
        question.prompt,
        ...(question.explanation ? [question.explanation] : []),
        ...question.choices.flatMap((choice) => (choice.feedback ? [choice.feedback] : [])),
        ...question.choices.filter(() => question.type !== 'true-false').map((choice) => choice.text),
      ]),
    );
    expect(secrets).toHaveLength(8);
    const found: string[] = [];
    for (const file of files(CLIENT_DIR)) {
      const text = textOf(file);
      for (const secret of secrets) if (text.includes(secret)) found.push(`${relative(CLIENT_DIR, file)}: ${secret}`);
      // An answer key as JSON or minified code would say so; the API page may name the graded
      // result's `correct` field, which is not a key.
      if (/\bcorrect["']?\s*:\s*(true|!0)/.test(text)) found.push(`${relative(CLIENT_DIR, file)}: correct: true`);
      if (text.includes(QUIZZES_FILE)) found.push(`${relative(CLIENT_DIR, file)}: ${QUIZZES_FILE}`);
    }
    expect(found).toEqual([]);
  });

  it('keep their translations on the server too: no translated prompt, choice, feedback or explanation is public', () => {
    const [quiz] = quizzes;
    expect(quiz?.translations.map((translation) => [translation.lang, translation.file])).toEqual([['de', 'quizzes/basics.de.yaml']]);
    const secrets = (quiz?.translations ?? []).flatMap((translation) =>
      Object.values(translation.questions).flatMap((question) => [
        ...(question.prompt ? [question.prompt] : []),
        ...(question.explanation ? [question.explanation] : []),
        ...(question.feedback ? [question.feedback] : []),
        ...Object.values(question.choices).flatMap((choice) => [choice.text, ...(choice.feedback ? [choice.feedback] : [])]),
      ]),
    );
    expect(secrets).toHaveLength(8);
    const found: string[] = [];
    for (const file of files(CLIENT_DIR)) {
      const text = textOf(file);
      for (const secret of secrets) if (text.includes(secret)) found.push(`${relative(CLIENT_DIR, file)}: ${secret}`);
    }
    expect(found).toEqual([]);
    expect(textOf(join(SERVER_DIR, QUIZZES_FILE))).toContain(secrets[0]);
  });

  it('are none where the build wrote no quizzes file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-server-'));
    try {
      expect(readBuiltQuizzes(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
