/**
 * A quiz translation the original's words changed since, over HTTP on the fixture site (its
 * test/fixtures/quizzes/basics.de.yaml was translated from earlier words): the German quiz page
 * and the German attempt's results say so in German and link to the original, the English ones
 * do not, and the module's owner finds it among the reviews as translation-stale.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { answersOf, builtQuiz, type ShownQuiz } from '../../helpers/quiz-answers.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const NOTICE =
  'Diese Übersetzung des Quiz ist möglicherweise nicht mehr aktuell: Das Original (Englisch) wurde seit der Übersetzung geändert.';
const TO_ORIGINAL = '<a href="/quiz/basics/?lang=en" hreflang="en">Quiz im Original machen</a>';

describe('an out-of-date quiz translation over HTTP', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST);
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    cookies.member = await signIn(site.server.url, PEOPLE.member.email);
    cookies.manager = await signIn(site.server.url, PEOPLE.manager.email);
  });

  const get = (path: string, as: string) => fetch(`${site.server.url}${path}`, { headers: { Cookie: cookies[as] ?? '' } });
  const html = async (path: string, as: string) => {
    const response = await get(path, as);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  it('tells a learner taking the German quiz, in German, with a link to the original, and says nothing in English', async () => {
    const german = await html('/quiz/basics/?lang=de', 'member');
    expect(german).toContain('Quizfrage - wie lange gilt die Rückerstattungsfrist?');
    const notice = /<p class="translation-warning" role="note" lang="de" data-quiz-translation-stale>([\s\S]*?)<\/p>/.exec(german)?.[1];
    expect(notice?.replace(/\s+/g, ' ').trim()).toBe(`${NOTICE} ${TO_ORIGINAL}`);
    const english = await html('/quiz/basics/?lang=en', 'member');
    expect(english).toContain('Quiz prompt - how long is the refund window?');
    expect(english).not.toContain('data-quiz-translation-stale');
  });

  it("grades the German attempt by the original's key, and its results carry the notice", async () => {
    const headers = { Cookie: cookies.member ?? '', Origin: site.server.url, 'Content-Type': 'application/json' };
    const quiz = (await (await fetch(`${site.server.url}/api/quizzes/basics?lang=de`, { headers })).json()) as ShownQuiz;
    expect(quiz).toMatchObject({ lang: 'de' });
    const submitted = await fetch(`${site.server.url}/api/quizzes/basics/attempts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ answers: answersOf(quiz, builtQuiz(FIXTURE_DIST, 'basics'), 'right'), idempotencyKey: 'fresh-quiz-1' }),
    });
    expect(submitted.status).toBe(201);
    const result = (await submitted.json()) as { attemptId: string; lang: string; score: number; passed: boolean };
    expect(result).toMatchObject({ lang: 'de', score: 100, passed: true });
    const results = await html(`/quiz/basics/results/${result.attemptId}/`, 'member');
    expect(results).toContain(NOTICE);
    expect(results).toContain(TO_ORIGINAL);
  });

  it("lists it for the module's owner as translation-stale, at the German quiz page", async () => {
    const response = await get(`/api/reviews?status=translation-stale&owner=${encodeURIComponent('@fixture/learning')}`, 'manager');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    expect(items).toEqual([
      expect.objectContaining({
        title: 'Quiz: Support basics',
        url: '/quiz/basics/?lang=de',
        file: '../quizzes/basics.de.yaml',
        status: 'translation-stale',
        due: null,
        section: '/training/',
      }),
    ]);
  });
});
