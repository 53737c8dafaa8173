/**
 * A graded attempt says the same in the API as on its results page, for each `reveal` (always,
 * after-pass, never), failed and passed, over real HTTP: the fixture site's quiz (two questions)
 * served with each setting and unlimited attempts. Question by question, the page shows exactly
 * the explanation, feedback and right answers the API gives, and its HTML holds no explanation
 * the API withheld: a failed attempt before a pass does not hand out the key in either.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/features/training/server/results.ts';
import type { RevealMode } from '../../../src/features/training/quiz-types.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { answersOf, builtQuiz, type ShownQuiz } from '../../helpers/quiz-answers.ts';
import { distWithQuizzes } from '../../helpers/quiz-copies.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const KEY = builtQuiz(FIXTURE_DIST, 'basics');
const EXPLANATIONS = KEY.questions.map((question) => question.explanation as string);

/** One question of the results page, as a learner reads it. */
interface ShownResult {
  prompt: string;
  answer: string;
  rightAnswer: string | null;
  feedback: string[];
  explanation: string | null;
}

const text = (element: Element | undefined) => (element ? hastToString(element).replace(/\s+/g, ' ').trim() : null);

function resultsPage(html: string): ShownResult[] {
  return selectAll('.quiz-results > li', fromHtml(html)).map((item) => {
    const lines = selectAll('p', item).map((line) => text(line) as string);
    return {
      prompt: text(select('.quiz-result-prompt', item)) as string,
      answer: lines.find((line) => /Your answer: /.test(line))?.replace(/^.*Your answer: /, '') as string,
      rightAnswer: lines.find((line) => line.startsWith('Right answer: '))?.slice('Right answer: '.length) ?? null,
      feedback: selectAll('.quiz-feedback', item).map((line) => text(line) as string),
      explanation: text(select('.quiz-explanation', item)),
    };
  });
}

/** What the page should show of the API's result: the same words, question by question. */
function asThePageShouldShow(result: AttemptResult): ShownResult[] {
  return result.questions.map((question) => {
    const words = (ids: readonly string[]) =>
      question.choices
        .filter((choice) => ids.includes(choice.id))
        .map((choice) => choice.text)
        .join('; ');
    return {
      prompt: question.prompt,
      answer: question.chosen.length > 0 ? words(question.chosen) : 'none',
      // A question answered right needs no "right answer" line: the learner's answer is it.
      rightAnswer: question.rightChoices && !question.correct ? words(question.rightChoices) : null,
      feedback: question.feedback,
      explanation: question.explanation,
    };
  });
}

describe.each<RevealMode>(['always', 'after-pass', 'never'])('a graded attempt with reveal: %s, in the API and on its page', (reveal) => {
  const site = useServedSite(
    sqlite,
    distWithQuizzes(FIXTURE_DIST, `reveal-${reveal}`, (quiz) => ({ ...quiz, reveal, attempts: 0 })),
  );
  let cookie = '';
  let keys = 0;

  beforeAll(async () => {
    cookie = await signIn(site.server.url, PEOPLE.member.email);
  });

  const get = (path: string) => fetch(`${site.server.url}${path}`, { headers: { Cookie: cookie } });

  /** An attempt all right or all wrong: its result from the POST, from the GET and its page. */
  async function attempt(which: 'right' | 'wrong') {
    const quiz = (await (await get('/api/quizzes/basics')).json()) as ShownQuiz;
    const submitted = await fetch(`${site.server.url}/api/quizzes/basics/attempts`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: site.server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: answersOf(quiz, KEY, which), idempotencyKey: `agreement-${reveal}-${++keys}` }),
    });
    expect(submitted.status).toBe(201);
    const posted = (await submitted.json()) as AttemptResult;
    const api = await get(`/api/quizzes/basics/attempts/${posted.attemptId}`);
    const apiText = await api.text();
    const page = await get(`/quiz/basics/results/${posted.attemptId}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(JSON.parse(apiText)).toEqual(posted);
    return { result: posted, apiText, html };
  }

  function expectAgreement({ result, apiText, html }: Awaited<ReturnType<typeof attempt>>) {
    expect(resultsPage(html)).toEqual(asThePageShouldShow(result));
    // Nowhere on the page, not in a hidden corner either, is an explanation the API withheld.
    for (const explanation of EXPLANATIONS) expect(html.includes(explanation), explanation).toBe(apiText.includes(explanation));
  }

  const explained = (result: AttemptResult) => result.questions.filter((question) => question.explanation !== null).length;

  it('agrees on a failed attempt before any pass', async () => {
    const failed = await attempt('wrong');
    expectAgreement(failed);
    const revealed = reveal === 'always';
    expect(failed.result).toMatchObject({ passed: false, answersRevealed: revealed });
    expect(explained(failed.result)).toBe(revealed ? 2 : 0);
    expect(failed.result.questions.every((question) => (question.rightChoices !== undefined) === revealed)).toBe(true);
  });

  it('agrees on a passed attempt', async () => {
    const passed = await attempt('right');
    expectAgreement(passed);
    expect(passed.result).toMatchObject({ passed: true, answersRevealed: reveal !== 'never' });
    // Every question answered right: its explanation tells the learner nothing new.
    expect(explained(passed.result)).toBe(2);
  });

  it('agrees on a failed attempt after the pass', async () => {
    const failed = await attempt('wrong');
    expectAgreement(failed);
    const revealed = reveal !== 'never';
    expect(failed.result).toMatchObject({ passed: false, answersRevealed: revealed });
    expect(explained(failed.result)).toBe(revealed ? 2 : 0);
  });
});
