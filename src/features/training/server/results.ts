/**
 * A finished attempt as its learner gets it, from the API and on the results page alike: graded
 * against the original's key, in the attempt's language, with the choice ids the attempt showed,
 * and no more of the key than learner-results.ts allows.
 */
import { readDraw, shownIds } from '../choice-ids.ts';
import { questionForLearner, type QuestionResult, revealsAnswers } from '../learner-results.ts';
import type { TrainingModule } from '../modules.ts';
import { questionsIn } from '../quiz-language.ts';
import type { QuizDefinition, QuizQuestion } from '../quiz-types.ts';
import { dbBoolean } from '../../../kit/server/db/values.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { UserRecord } from '../../accounts/server.ts';
import type { TrainingDeps } from './learner.ts';

export type { QuestionResult } from '../learner-results.ts';

export interface AttemptResult {
  attemptId: string;
  module: string;
  number: number;
  score: number;
  passed: boolean;
  passMark: number;
  quizVersion: string;
  /** The language the attempt was taken in; its feedback and explanations are in it too. */
  lang: string;
  startedAt: string;
  finishedAt: string;
  answersRevealed: boolean;
  questions: QuestionResult[];
}

export function quizOf(module: TrainingModule): QuizDefinition {
  if (!module.quiz) throw new ApiError('NOT_FOUND', `The module ${module.id} has no quiz.`);
  return module.quiz;
}

/** The language an attempt was taken in: recorded, else (attempts from before translations) the quiz's own. */
export function attemptLang(quiz: Pick<QuizDefinition, 'lang'>, recorded: string | null | undefined): string {
  return recorded ?? quiz.lang;
}

/** A finished attempt of the person's, as its results page shows it. */
export async function resultOf(deps: TrainingDeps, person: UserRecord, module: TrainingModule, attemptId: string): Promise<AttemptResult> {
  const quiz = quizOf(module);
  const row = await deps.db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('id', '=', attemptId)
    .where('user_id', '=', person.id)
    .where('module', '=', module.id)
    .executeTakeFirst();
  if (!row?.finished_at) throw new ApiError('NOT_FOUND', 'There is no finished attempt of yours with that id.');
  const passedBefore = await deps.db
    .selectFrom('quiz_attempt')
    .select('id')
    .where('user_id', '=', person.id)
    .where('module', '=', module.id)
    .where('passed', '=', dbBoolean(deps.database.kind, true))
    .where('finished_at', '<=', row.finished_at)
    .executeTakeFirst();
  const revealed = revealsAnswers(quiz.reveal, passedBefore !== undefined);
  // Stored in the author's ids; shown in the ids this attempt gave out.
  const answers = JSON.parse(row.answers ?? '{}') as Record<string, string[]>;
  const marks = JSON.parse(row.marks ?? '{}') as Record<string, number>;
  const lang = attemptLang(quiz, row.lang);
  // Marks were given against the original's key when it was graded; the words are the attempt's language.
  const byId = new Map(questionsIn(quiz, lang).map((question) => [question.id, question]));
  return {
    attemptId: row.id,
    module: module.id,
    number: row.number,
    score: Number(row.score),
    passed: Boolean(row.passed),
    passMark: quiz.passMark,
    quizVersion: row.quiz_version,
    lang,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    answersRevealed: revealed,
    // A question removed from the quiz since is left out: its text is no longer known.
    questions: readDraw(row.questions)
      .filter(({ id }) => byId.has(id))
      .map((drawn) => {
        const question = byId.get(drawn.id) as QuizQuestion;
        const chosen = answers[drawn.id] ?? [];
        const byChoice = new Map(question.choices.map((choice) => [choice.id, choice]));
        const shown = drawn.choices.filter((choice) => byChoice.has(choice.id));
        const graded = {
          id: drawn.id,
          prompt: question.prompt,
          score: marks[drawn.id] ?? 0,
          chosen: shownIds(drawn, chosen),
          feedback: chosen.flatMap((id) => {
            const choice = byChoice.get(id);
            return choice && !choice.correct && choice.feedback ? [choice.feedback] : [];
          }),
          explanation: question.explanation ?? null,
          source: question.source ?? null,
          rightChoices: shown.filter((choice) => byChoice.get(choice.id)?.correct).map((choice) => choice.shown),
          choices: shown.map((choice) => ({ id: choice.shown, text: byChoice.get(choice.id)?.text as string })),
        };
        return questionForLearner(graded, revealed);
      }),
  };
}
