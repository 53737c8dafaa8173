/**
 * Guessing the sample quizzes without reading them, over real HTTP as a signed-in learner: every
 * quiz in quizzes/, many attempts per strategy, each strategy going only by what the API shows
 * (the first choice shown, the lowest id, the last shown, every choice of a multiple-choice
 * question, always True or always False). When ids were the author's a, b, c and authors put
 * the right answer first, "the lowest id" passed every time. Now no strategy does better than
 * blind chance: a guess can still be lucky (the odds are computed exactly from the quiz, at
 * worst about 1 in 140 attempts), so a strategy may pass no more often than chance allows, and
 * scores far below the pass mark on average. A copy of the sample site with unlimited
 * attempts lets one learner try again and again; on SQLite and PostgreSQL.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import type { QuizDefinition } from '../../../src/features/training/quiz-types.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { PROJECT_ROOT, SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { chanceOfPassing, guess, mostPassesByChance, STRATEGIES, type Strategy } from '../../helpers/guessing.ts';
import { PASSWORD, signIn } from '../../helpers/people.ts';
import { builtQuiz, type ShownQuiz } from '../../helpers/quiz-answers.ts';
import { distWithQuizzes } from '../../helpers/quiz-copies.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const ATTEMPTS = 30;
/** Every original in quizzes/ (a translation is named <module>.<lang>.yaml). */
const MODULES = readdirSync(join(PROJECT_ROOT, 'quizzes'))
  .filter((file) => /^[a-z0-9-]+\.ya?ml$/.test(file))
  .map((file) => file.replace(/\.ya?ml$/, ''));

interface Result {
  score: number;
  passed: boolean;
}

const dist = distWithQuizzes(SAMPLE_DIST, 'guessing', (quiz) => ({ ...quiz, attempts: 0 }));

describe.each(DATABASES)('guessing the sample quizzes over HTTP on $name', (database) => {
  const site = useServedSite(database, dist, {
    prepare: async (app) => {
      for (const index of STRATEGIES.keys())
        await createUser(
          app,
          { user: null },
          {
            email: `guesser-${index}@sample.example`,
            name: `Guesser ${index}`,
            role: 'member',
            jobRoles: ['agent', 'new-hire'],
            team: 'Tier 1',
            ownerHandles: [],
            password: PASSWORD,
          },
        );
    },
  });
  const cookies: string[] = [];
  let keys = 0;

  beforeAll(async () => {
    if (!database.available) return;
    for (const index of STRATEGIES.keys()) cookies.push(await signIn(site.server.url, `guesser-${index}@sample.example`));
  });

  async function call<T>(path: string, cookie: string, body?: unknown): Promise<T> {
    const response = await fetch(`${site.server.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { Cookie: cookie, Origin: site.server.url, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    expect(response.ok, `${path}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  }

  /** `ATTEMPTS` attempts at the quiz by one strategy, one after the other. */
  async function attempts(module: string, strategy: Strategy, cookie: string): Promise<Result[]> {
    const results: Result[] = [];
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const quiz = await call<ShownQuiz>(`/api/quizzes/${module}?lang=en`, cookie);
      const answers = guess(quiz, strategy);
      results.push(await call<Result>(`/api/quizzes/${module}/attempts`, cookie, { answers, idempotencyKey: `guess-${++keys}-${module}` }));
    }
    return results;
  }

  it('finds a quiz in quizzes/ for each sample module', () => {
    expect(MODULES.sort()).toEqual(['data-protection-essentials', 'handling-complaints', 'new-agent-onboarding']);
  });

  it.skipIf(!database.available).each(MODULES)(
    'lets no strategy pass %s more often than blind chance',
    { timeout: 300_000 },
    async (module) => {
      const quiz: QuizDefinition = builtQuiz(dist, module);
      // Every strategy at once, each as its own learner.
      const runs = await Promise.all(STRATEGIES.map((strategy, index) => attempts(module, strategy, cookies[index] as string)));
      const report = STRATEGIES.map((strategy, index) => {
        const results = runs[index] as Result[];
        const chance = chanceOfPassing(quiz, strategy);
        return {
          strategy: strategy.name,
          passes: results.filter((result) => result.passed).length,
          allowed: mostPassesByChance(ATTEMPTS, chance),
          mean: results.reduce((sum, result) => sum + result.score, 0) / results.length,
        };
      });
      for (const { strategy, passes, allowed, mean } of report) {
        expect(passes, `${module}, ${strategy}: ${passes} of ${ATTEMPTS} passed`).toBeLessThanOrEqual(allowed);
        expect(mean, `${module}, ${strategy}: ${mean.toFixed(1)}% on average`).toBeLessThan(quiz.passMark - 25);
      }
      // Chance lets a few lucky passes through at most, never a strategy that passes as a rule.
      expect(Math.max(...report.map((entry) => entry.allowed))).toBeLessThanOrEqual(ATTEMPTS / 5);
    },
  );
});
