/**
 * What a signed-in learner does over and over in the training load, as their browser would:
 * the training page reads their progress, they open the quiz (which draws their attempt's
 * questions and stores the draw), submit it (graded and stored on the server), and the page
 * reads their progress again. Half the requests take the quiz, half read progress: one
 * submission per two reads. The submission answers the questions of the attempt just opened,
 * as the API requires, with a fresh idempotency key each time, so none is taken for a repeat.
 * Every other attempt the learner answers what earlier results revealed as right (the quiz
 * reveals it after every attempt) and guesses the rest; the others are all guesses. So about
 * half the attempts pass, and grading a pass, which also checks whether the module is now
 * complete, is part of the load. Choice ids are each attempt's own, so the learner remembers
 * the right choices by their words, as a person does.
 */
import { randomUUID } from 'node:crypto';
import type { Step } from './steady-load.ts';

interface Choice {
  id: string;
  text: string;
}

interface QuizToTake {
  questions: { id: string; choices: Choice[] }[];
}

interface GradedAttempt {
  questions: { id: string; rightChoices?: string[]; choices: Choice[] }[];
}

/** Question id -> the words of its right choices, as the learner's results revealed them. */
type Learnt = Map<string, string[]>;
const NOTHING_LEARNT: Learnt = new Map();

/** What the learner knows, and otherwise the first choice: the choices come shuffled, so that is a guess. */
function answersTo(quiz: QuizToTake, learnt: Learnt): Record<string, string[]> {
  return Object.fromEntries(
    quiz.questions.map((question) => {
      const known = learnt.get(question.id);
      const picked = known ? question.choices.filter((choice) => known.includes(choice.text)) : question.choices.slice(0, 1);
      return [question.id, picked.map((choice) => choice.id)];
    }),
  );
}

function learnFrom(result: GradedAttempt, learnt: Learnt): void {
  for (const { id, rightChoices, choices } of result.questions)
    if (rightChoices)
      learnt.set(
        id,
        choices.filter((choice) => rightChoices.includes(choice.id)).map((choice) => choice.text),
      );
}

/** The four requests a learner repeats on `module`'s quiz; `origin` is the server's, for the POST's CSRF check. */
export function learnerSteps(module: string, cookie: string, origin: string): Step[] {
  const headers = { Cookie: cookie };
  const learnt: Learnt = new Map();
  let submissions = 0;
  let answers: Record<string, string[]> = {};
  const readProgress: Step = { name: 'GET /api/me/training', method: 'GET', path: '/api/me/training', headers };
  return [
    readProgress,
    {
      name: 'GET /api/quizzes/{module}',
      method: 'GET',
      path: `/api/quizzes/${module}`,
      headers,
      // A quiz that did not come (counted as a failure) leaves no answers: the submission goes out empty.
      onAnswer: (status, body) => {
        const studied = submissions % 2 === 0 ? learnt : NOTHING_LEARNT;
        answers = status === 200 ? answersTo(JSON.parse(body) as QuizToTake, studied) : {};
      },
    },
    {
      name: 'POST /api/quizzes/{module}/attempts',
      method: 'POST',
      path: `/api/quizzes/${module}/attempts`,
      headers: { ...headers, Origin: origin, 'Content-Type': 'application/json' },
      body: () => JSON.stringify({ answers, idempotencyKey: randomUUID() }),
      onAnswer: (status, body) => {
        submissions++;
        if (status === 201) learnFrom(JSON.parse(body) as GradedAttempt, learnt);
      },
    },
    readProgress,
  ];
}
