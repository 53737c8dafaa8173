/**
 * Quiz attempts, graded on the server. Opening the quiz draws this attempt's questions and
 * stores the draw (the same attempt comes back until it is submitted); submitting grades what
 * was drawn. The database keeps the rules under concurrency: one open attempt per person and
 * module (so the attempt limit cannot be outrun by parallel requests), an attempt finishes once,
 * and a submission sent twice with one idempotency key is answered from what was stored.
 */
import type { Kysely } from 'kysely';
import { generateId } from 'better-auth';
import { drawQuestions, type DrawnQuestion } from '../../training/draw.ts';
import { gradeQuestion, totalScore } from '../../training/grading.ts';
import { moduleIn, type TrainingModule } from '../../training/modules.ts';
import { chooseQuizLanguage, questionsIn } from '../../training/quiz-language.ts';
import type { QuestionType, QuizDefinition, QuizQuestion, QuizSource } from '../../training/quiz-types.ts';
import type { Database } from '../db/schema.ts';
import { dbBoolean } from '../db/values.ts';
import { ApiError } from '../errors.ts';
import type { UserRecord } from '../users/user-records.ts';
import { findModule, recordCompletionIfComplete, type TrainingDeps } from './learner.ts';

/** The quiz as the learner gets it: no answer key, feedback or explanation. */
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

export interface QuestionResult {
  id: string;
  prompt: string;
  correct: boolean;
  /** 0 to 1. */
  score: number;
  chosen: string[];
  /** The feedback of the choices the person got wrong. */
  feedback: string[];
  explanation: string | null;
  source: QuizSource | null;
  /** The right choices, where the quiz's `reveal` allows. */
  rightChoices?: string[];
  choices: { id: string; text: string }[];
}

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

function quizOf(module: TrainingModule): QuizDefinition {
  if (!module.quiz) throw new ApiError('NOT_FOUND', `The module ${module.id} has no quiz.`);
  return module.quiz;
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

/** The language an attempt was taken in: recorded, else (attempts from before translations) the quiz's own. */
export function attemptLang(quiz: Pick<QuizDefinition, 'lang'>, recorded: string | null | undefined): string {
  return recorded ?? quiz.lang;
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
    return forLearner(module, quiz, open.id, open.number, JSON.parse(open.questions) as DrawnQuestion[], used, lang);
  }
  // An attempt opened on an earlier version of the quiz is given up: its questions may be gone.
  if (open) await deps.db.deleteFrom('quiz_attempt').where('id', '=', open.id).where('finished_at', 'is', null).execute();
  if (quiz.attempts > 0 && used >= quiz.attempts) {
    throw new ApiError('ATTEMPT_LIMIT_REACHED', `You have used all ${quiz.attempts} attempts at this quiz; ask your manager for a retake.`);
  }
  const id = generateId();
  const drawn = drawQuestions(quiz, id);
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
    return forLearner(
      module,
      quiz,
      other.id,
      other.number,
      JSON.parse(other.questions) as DrawnQuestion[],
      used,
      attemptLang(quiz, other.lang),
    );
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
        choices: choices.map((choiceId) => ({ id: choiceId, text: texts.get(choiceId) as string })),
      };
    }),
  };
}

export interface Submission {
  /** Question id -> the ids of the chosen choices; a question left out counts as unanswered. */
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
  const drawn = JSON.parse(open.questions) as DrawnQuestion[];
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  checkAnswers(drawn, byId, submission.answers);

  const marks: Record<string, number> = {};
  const grades = drawn.map(({ id }) => {
    const grade = gradeQuestion(byId.get(id) as QuizQuestion, submission.answers[id] ?? []);
    marks[id] = grade.score;
    return grade;
  });
  const { score, passed } = totalScore(grades, quiz.passMark);
  const at = deps.now().toISOString();
  const finish = async (db: Kysely<Database>) => {
    const updated = await db
      .updateTable('quiz_attempt')
      .set({
        answers: JSON.stringify(submission.answers),
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

function checkAnswers(drawn: DrawnQuestion[], questions: Map<string, QuizQuestion>, answers: Record<string, string[]>): void {
  const fields: Record<string, string> = {};
  const drawnIds = new Set(drawn.map((question) => question.id));
  for (const [questionId, chosen] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question || !drawnIds.has(questionId)) {
      fields[`answers.${questionId}`] = 'is not a question of this attempt';
      continue;
    }
    const unknown = chosen.filter((choiceId) => !question.choices.some((choice) => choice.id === choiceId));
    if (unknown.length > 0)
      fields[`answers.${questionId}`] =
        `${unknown.join(', ')} is not a choice of this question; its choices are ${question.choices.map((choice) => choice.id).join(', ')}`;
    else if (question.type !== 'multiple' && chosen.length > 1) fields[`answers.${questionId}`] = 'choose one answer for this question';
    else if (new Set(chosen).size !== chosen.length) fields[`answers.${questionId}`] = 'name each choice once';
  }
  if (Object.keys(fields).length > 0) throw new ApiError('INVALID_INPUT', 'The answers are not valid; see fields.', { fields });
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
  const revealed = quiz.reveal === 'always' || (quiz.reveal === 'after-pass' && passedBefore !== undefined);
  const answers = JSON.parse(row.answers ?? '{}') as Record<string, string[]>;
  const marks = JSON.parse(row.marks ?? '{}') as Record<string, number>;
  const lang = attemptLang(quiz, row.lang);
  // Marks were given against the original's key when it was graded; the words are the attempt's language.
  const byId = new Map(questionsIn(quiz, lang).map((question) => [question.id, question]));
  const drawn = JSON.parse(row.questions) as DrawnQuestion[];
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
    questions: drawn
      .filter(({ id }) => byId.has(id))
      .map(({ id, choices }) => {
        const question = byId.get(id) as QuizQuestion;
        const chosen = answers[id] ?? [];
        const score = marks[id] ?? 0;
        const texts = new Map(question.choices.map((choice) => [choice.id, choice]));
        return {
          id,
          prompt: question.prompt,
          correct: score === 1,
          score,
          chosen,
          feedback: chosen
            .map((choiceId) => texts.get(choiceId))
            .filter((choice) => choice && !choice.correct && choice.feedback)
            .map((choice) => choice?.feedback as string),
          explanation: question.explanation ?? null,
          source: question.source ?? null,
          choices: choices
            .filter((choiceId) => texts.has(choiceId))
            .map((choiceId) => ({ id: choiceId, text: texts.get(choiceId)?.text as string })),
          ...(revealed ? { rightChoices: question.choices.filter((choice) => choice.correct).map((choice) => choice.id) } : {}),
        };
      }),
  };
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
