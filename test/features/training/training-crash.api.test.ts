/**
 * A server killed (SIGKILL) while learners submit quizzes loses no answer it acknowledged: every
 * submission that got a 2xx is in the database, graded, after the crash; nothing is half
 * written; and a restarted server answers the same submission from what it stored. On SQLite
 * and PostgreSQL, over real HTTP.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, signIn } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const LEARNERS = 48;
/** Everyone signs in from this one machine. */
const SERVER_ENV = { KNOWHOW_SIGNIN_RATE_LIMIT: '100000' };

interface Quiz {
  attemptId: string;
  questions: { id: string; choices: { id: string }[] }[];
}

describe.each(DATABASES)('quiz submissions through a crash on $name', (database) => {
  // No PEOPLE: the learners are made by the test.
  const site = useServedSite(database, FIXTURE_DIST, { people: false, env: SERVER_ENV });

  it.skipIf(!database.available)('keeps every acknowledged submission', async () => {
    const url = site.server.url;
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, async (_, index) => {
        const email = `crash.${index}@fixture.example`;
        await createUser(
          site.app,
          { user: null },
          { email, name: `Crash ${index}`, role: 'member', jobRoles: [], team: null, ownerHandles: [], password: PASSWORD },
        );
        const cookie = await signIn(url, email);
        const quiz = (await (await fetch(`${url}/api/quizzes/basics`, { headers: { Cookie: cookie } })).json()) as Quiz;
        const answers = Object.fromEntries(
          quiz.questions.map((question) => [question.id, [question.choices[index % question.choices.length]?.id]]),
        );
        return { cookie, quiz, body: JSON.stringify({ answers, idempotencyKey: `crash-${index}-${quiz.attemptId}` }) };
      }),
    );

    // Everyone submits at once; the server dies once a few answers are back.
    const acknowledged = new Map<string, { score: number; passed: boolean }>();
    const running = site.server;
    const submissions = learners.map(async ({ cookie, body }) => {
      try {
        const response = await fetch(`${url}/api/quizzes/basics/attempts`, {
          method: 'POST',
          headers: { Cookie: cookie, Origin: url, 'Content-Type': 'application/json' },
          body,
        });
        if (response.ok) {
          const result = (await response.json()) as { attemptId: string; score: number; passed: boolean };
          acknowledged.set(result.attemptId, { score: result.score, passed: result.passed });
          if (acknowledged.size === 8) await running.kill();
        }
      } catch {
        // The connection died with the server: not acknowledged, so nothing is promised.
      }
    });
    await Promise.all(submissions);
    if (acknowledged.size < 8) await running.kill();
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);
    // The crash came mid-stream: some submissions were never answered.
    expect(acknowledged.size).toBeLessThan(LEARNERS);

    // Every acknowledged attempt is stored, graded; no attempt is half written.
    const rows = await site.app.db.selectFrom('quiz_attempt').selectAll().execute();
    for (const [attemptId, result] of acknowledged) {
      const row = rows.find((candidate) => candidate.id === attemptId);
      expect(row?.finished_at, attemptId).toBeTruthy();
      expect(Number(row?.score)).toBe(result.score);
      expect(Boolean(row?.passed)).toBe(result.passed);
    }
    for (const row of rows) {
      const fields = [row.answers, row.marks, row.score, row.passed, row.idempotency_key, row.finished_at];
      expect(fields.every((field) => field === null) || fields.every((field) => field !== null), row.id).toBe(true);
    }

    // A restarted server answers a repeated submission from what it stored, and takes the rest.
    const after = (await site.restart()).url;
    let stored = 0;
    for (const { cookie, quiz, body } of learners) {
      const response = await fetch(`${after}/api/quizzes/basics/attempts`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: after, 'Content-Type': 'application/json' },
        body,
      });
      const result = (await response.json()) as { attemptId: string; score: number };
      // Not acknowledged: stored just before the crash (200) or taken now (201).
      expect(acknowledged.has(quiz.attemptId) ? [200] : [200, 201], JSON.stringify(result)).toContain(response.status);
      expect(result.attemptId).toBe(quiz.attemptId);
      if (acknowledged.has(quiz.attemptId)) {
        expect(result.score).toBe(acknowledged.get(quiz.attemptId)?.score);
        stored++;
      }
    }
    expect(stored).toBe(acknowledged.size);
    const finished = await site.app.db.selectFrom('quiz_attempt').select('id').where('finished_at', 'is not', null).execute();
    expect(finished).toHaveLength(LEARNERS);
  });
});
