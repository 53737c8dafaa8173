/**
 * Quiz attempts, graded on the server. Opening the quiz draws this attempt's questions and
 * stores the draw (the same attempt comes back until it is submitted); submitting grades what
 * was drawn. The database keeps the rules under concurrency: one open attempt per person and
 * module (so the attempt limit cannot be outrun by parallel requests), an attempt finishes once,
 * and a submission sent twice with one idempotency key is answered from what was stored.
 */
import type { Kysely } from 'kysely';
import { generateId } from 'better-auth';
import { authorAnswers, readDraw } from '../choice-ids.ts';
import { type DrawnQuestion, drawQuestions } from '../draw.ts';
import { gradeQuestion, totalScore } from '../grading.ts';
import { moduleIn, type TrainingModule } from '../modules.ts';
import { chooseQuizLanguage, questionsIn } from '../quiz-language.ts';
import type { QuestionType, QuizDefinition, QuizQuestion } from '../quiz-types.ts';
import type { Database } from '../../../kit/server/db/schema.ts';
import { dbBoolean } from '../../../kit/server/db/values.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { UserRecord } from '../../accounts/server.ts';
import { findModule, recordCompletionIfComplete, type TrainingDeps } from './learner.ts';
import { type AttemptResult, attemptLang, quizOf, resultOf } from './results.ts';

/** The quiz as the learner gets it: no answer key, feedback or explanation, and choice ids of this attempt's own. */
export interface QuizForLearner {
  module: string;
  title: string;
  version: string;
  passMark: number;
  attemptsAllowed: number;
  attemptsUsed: number;
  attemptId: string;
  attemptNumber: number;
  /** The language of the questions (quiz-language.ts), recorded with the attempt. */
  lang: string;
  /** The other languages the quiz can be taken in. */
  otherLanguages: string[];
  questions: { id: string; type: QuestionType; prompt: string; choices: { id: string; text: string }[] }[];
}

export interface AttemptSummary {
  attemptId: string;
  number: number;
  quizVersion: string;
  lang: string;
  score: number;
  passed: boolean;
  startedAt: string;
  finishedAt: string;
}

async function retakeSince({ db }: TrainingDeps, userId: string, moduleId: string): Promise<string> {
  const retake = await db
    .selectFrom('retake_request')
    .select('requested_at')
    .where('user_id', '=', userId)
    .where('module', '=', moduleId)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
  return retake?.requested_at ?? '';
}

async function finishedSince(deps: TrainingDeps, userId: string, moduleId: string, since: string): Promise<number> {
  const row = await deps.db
    .selectFrom('quiz_attempt')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('user_id', '=', userId)
    .where('module', '=', moduleId)
    .where('finished_at', 'is not', null)
    .where('started_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The person's attempt at the module that is opened and not yet submitted (at most one). */
function openAttemptRow({ db }: Pick<TrainingDeps, 'db'>, userId: string, moduleId: string) {
  return db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('user_id', '=', userId)
    .where('module', '=', moduleId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The languages to show a quiz in, most wanted first (quiz-language.ts takes the first the quiz
 * has): one asked for explicitly (a translated module page's link, `?lang=`), then the person's
 * interface language. An open attempt keeps its language over the interface's.
 */
export interface LanguageWish {
  requested?: string | null | undefined;
  preferred?: string | null | undefined;
}

/** The open attempt, or a new one drawn now; 409 once the attempts allowed are used. */
export async function openAttempt(
  deps: TrainingDeps,
  person: UserRecord,
  moduleId: string,
  wish: LanguageWish = {},
): Promise<QuizForLearner> {
  const module = findModule(deps.catalog, moduleId);
  const quiz = quizOf(module);
  const since = await retakeSince(deps, person.id, module.id);
  const used = await finishedSince(deps, person.id, module.id, since);
  const open = await openAttemptRow(deps, person.id, module.id);
  if (open && open.quiz_version === quiz.version) {
    const lang = chooseQuizLanguage(quiz, [wish.requested, attemptLang(quiz, open.lang), wish.preferred]);
    // The attempt is in the language its questions were last shown in.
    if (lang !== open.lang)
      await deps.db.updateTable('quiz_attempt').set({ lang }).where('id', '=', open.id).where('finished_at', 'is', null).execute();
    return forLearner(module, quiz, open.id, open.number, readDraw(open.questions), used, lang);
  }
  // An attempt opened on an earlier version of the quiz is given up: its questions may be gone.
  if (open) await deps.db.deleteFrom('quiz_attempt').where('id', '=', open.id).where('finished_at', 'is', null).execute();
  if (quiz.attempts > 0 && used >= quiz.attempts) {
    throw new ApiError('ATTEMPT_LIMIT_REACHED', `You have used all ${quiz.attempts} attempts at this quiz; ask your manager for a retake.`);
  }
  const id = generateId();
  const drawn = drawQuestions(quiz);
  const lang = chooseQuizLanguage(quiz, [wish.requested, wish.preferred]);
  const inserted = await deps.db
    .insertInto('quiz_attempt')
    .values({
      id,
      user_id: person.id,
      module: module.id,
      number: used + 1,
      quiz_version: quiz.version,
      lang,
      questions: JSON.stringify(drawn),
      answers: null,
      marks: null,
      score: null,
      passed: null,
      idempotency_key: null,
      started_at: deps.now().toISOString(),
      finished_at: null,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    // Another request opened one at the same moment: that is the attempt.
    const other = await openAttemptRow(deps, person.id, module.id);
    if (!other) throw new Error(`The attempt opened at the same moment for ${module.id} is gone.`);
    return forLearner(module, quiz, other.id, other.number, readDraw(other.questions), used, attemptLang(quiz, other.lang));
  }
  return forLearner(module, quiz, id, used + 1, drawn, used, lang);
}

function forLearner(
  module: TrainingModule,
  quiz: QuizDefinition,
  attemptId: string,
  attemptNumber: number,
  drawn: DrawnQuestion[],
  used: number,
  lang: string,
): QuizForLearner {
  const byId = new Map(questionsIn(quiz, lang).map((question) => [question.id, question]));
  return {
    module: module.id,
    title: moduleIn(module, lang).title,
    version: quiz.version,
    passMark: quiz.passMark,
    attemptsAllowed: quiz.attempts,
    attemptsUsed: used,
    attemptId,
    attemptNumber,
    lang,
    otherLanguages: [quiz.lang, ...quiz.translations.map((translation) => translation.lang)].filter((other) => other !== lang),
    questions: drawn.map(({ id, choices }) => {
      const question = byId.get(id) as QuizQuestion;
      const texts = new Map(question.choices.map((choice) => [choice.id, choice.text]));
      return {
        id,
        type: question.type,
        prompt: question.prompt,
        // The ids this attempt made up, never the author's: those would say where the choice stood in the file.
        choices: choices.map((choice) => ({ id: choice.shown, text: texts.get(choice.id) as string })),
      };
    }),
  };
}

export interface Submission {
  /** Question id -> the ids of the chosen choices, as the attempt showed them; a question left out counts as unanswered. */
  answers: Record<string, string[]>;
  idempotencyKey: string;
}

/** Grades the open attempt; the same submission again is answered from what was stored. */
export async function submitAttempt(
  deps: TrainingDeps,
  person: UserRecord,
  moduleId: string,
  submission: Submission,
): Promise<{ result: AttemptResult; repeated: boolean }> {
  const module = findModule(deps.catalog, moduleId);
  const quiz = quizOf(module);
  const earlier = await deps.db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('user_id', '=', person.id)
    .where('idempotency_key', '=', submission.idempotencyKey)
    .executeTakeFirst();
  if (earlier) {
    if (earlier.module !== module.id) throw new ApiError('CONFLICT', 'This idempotency key was used for another quiz; send a new one.');
    return { result: await resultOf(deps, person, module, earlier.id), repeated: true };
  }
  const open = await openAttemptRow(deps, person.id, module.id);
  if (!open)
    throw new ApiError('NO_OPEN_ATTEMPT', `Open the quiz first (GET /api/quizzes/${module.id}): it draws the questions of your attempt.`);
  if (open.quiz_version !== quiz.version)
    throw new ApiError('CONFLICT', 'The quiz changed since you opened it; open it again for the new questions.');
  const drawn = readDraw(open.questions);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const checked = authorAnswers(drawn, (id) => byId.get(id)?.type, submission.answers);
  if ('fields' in checked) throw new ApiError('INVALID_INPUT', 'The answers are not valid; see fields.', { fields: checked.fields });
  // Stored, graded and counted in the author's ids; the ids this attempt showed stay in its draw.
  const { answers } = checked;

  const marks: Record<string, number> = {};
  const grades = drawn.map(({ id }) => {
    const grade = gradeQuestion(byId.get(id) as QuizQuestion, answers[id] ?? []);
    marks[id] = grade.score;
    return grade;
  });
  const { score, passed } = totalScore(grades, quiz.passMark);
  const at = deps.now().toISOString();
  const finish = async (db: Kysely<Database>) => {
    const updated = await db
      .updateTable('quiz_attempt')
      .set({
        answers: JSON.stringify(answers),
        marks: JSON.stringify(marks),
        score,
        passed: dbBoolean(deps.database.kind, passed),
        idempotency_key: submission.idempotencyKey,
        finished_at: at,
      })
      .where('id', '=', open.id)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (passed) await recordCompletionIfComplete(db, deps.database.kind, person.id, module, at, { id: open.id, score });
    return true;
  };
  // A pass may complete the module, and the two are stored together; a fail is one statement,
  // atomic by itself, so it spares PostgreSQL the round trips of a transaction.
  const finished = await (passed ? deps.db.transaction().execute(finish) : finish(deps.db)).catch((error: unknown) => {
    // The same key in two requests at once: the other one stored it.
    if (/unique|duplicate/i.test(String((error as Error)?.message))) return 'same key' as const;
    throw error;
  });
  if (finished === 'same key') return submitAttempt(deps, person, moduleId, submission);
  if (!finished) throw new ApiError('CONFLICT', 'This attempt was already submitted; open the quiz again for a new attempt.');
  return { result: await resultOf(deps, person, module, open.id), repeated: false };
}

export async function listAttempts(deps: TrainingDeps, person: UserRecord, moduleId: string): Promise<AttemptSummary[]> {
  const module = findModule(deps.catalog, moduleId);
  quizOf(module);
  const rows = await deps.db
    .selectFrom('quiz_attempt')
    .select(['id', 'number', 'quiz_version', 'lang', 'score', 'passed', 'started_at', 'finished_at'])
    .where('user_id', '=', person.id)
    .where('module', '=', module.id)
    .where('finished_at', 'is not', null)
    .orderBy('finished_at')
    .execute();
  return rows.map((row) => ({
    attemptId: row.id,
    number: row.number,
    quizVersion: row.quiz_version,
    lang: attemptLang(module.quiz as QuizDefinition, row.lang),
    score: Number(row.score),
    passed: Boolean(row.passed),
    startedAt: row.started_at,
    finishedAt: row.finished_at as string,
  }));
}
