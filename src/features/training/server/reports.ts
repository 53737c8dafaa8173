/**
 * What managers see: everyone's progress in every module (filtered by team, job role and
 * module), how each question of a quiz does (as Moodle's item statistics compute it), and the
 * completion records auditors ask for.
 */
import { type ModuleProgress, type ModuleStatus, moduleProgress } from '../progress.ts';
import type { QuizSource } from '../quiz-types.ts';
import { selectUserRecords, toUserRecord, type UserRecord } from '../../accounts/server.ts';
import { findModule, type TrainingDeps } from './learner.ts';
import { assignmentsOf, readTrainingRecords } from './records.ts';

export interface ReportFilter {
  team?: string | undefined;
  jobRole?: string | undefined;
  module?: string | undefined;
  status?: ModuleStatus | undefined;
}

export interface ReportRow {
  person: { id: string; name: string; email: string; team: string | null; jobRoles: string[] };
  progress: ModuleProgress;
}

/** Every active person x every module (or the filtered ones), people by name. */
export async function trainingReport(deps: TrainingDeps, filter: ReportFilter): Promise<ReportRow[]> {
  const modules = filter.module ? [findModule(deps.catalog, filter.module)] : deps.catalog.modules;
  let query = selectUserRecords(deps.db, deps.database.kind).where((eb) =>
    eb.or([eb('user.banned', 'is', null), eb('user.banned', '=', deps.database.kind === 'sqlite' ? 0 : false)]),
  );
  if (filter.team) query = query.where('user.team', '=', filter.team);
  const people = (await query.orderBy('user.name').orderBy('user.email').execute())
    .map(toUserRecord)
    .filter((person) => !filter.jobRole || person.jobRoles.includes(filter.jobRole));
  const records = await readTrainingRecords(deps.db, 'everyone');
  const now = deps.now();
  const rows: ReportRow[] = [];
  for (const person of people) {
    for (const module of modules) {
      const progress = moduleProgress({
        module,
        ...records.facts(person.id, module.id),
        assignments: assignmentsOf(person, module, records),
        now,
        timeZone: deps.catalog.timeZone,
      });
      if (filter.status && progress.status !== filter.status) continue;
      rows.push({ person: summary(person), progress });
    }
  }
  return rows;
}

function summary(person: UserRecord): ReportRow['person'] {
  return { id: person.id, name: person.name, email: person.email, team: person.team, jobRoles: person.jobRoles };
}

export interface QuestionStatistics {
  id: string;
  prompt: string;
  /** Finished attempts that drew the question. */
  attempts: number;
  /** Average marks, percent: how easy the question is. */
  facility: number | null;
  /**
   * Moodle's discrimination index: the correlation, times 100, between the marks on this
   * question and on the rest of the attempt. Low or negative: the question does not tell the
   * people who know the material from those who do not.
   */
  discrimination: number | null;
  mostChosenWrong: { id: string; text: string; count: number } | null;
  source: QuizSource | null;
}

/** Per question of a module's quiz, over every finished attempt of it, across versions. */
export async function questionStatistics(
  deps: TrainingDeps,
  moduleId: string,
): Promise<{
  module: string;
  attempts: number;
  attemptsByLanguage: { lang: string; attempts: number }[];
  questions: QuestionStatistics[];
}> {
  const module = findModule(deps.catalog, moduleId);
  const quiz = module.quiz;
  if (!quiz) return { module: module.id, attempts: 0, attemptsByLanguage: [], questions: [] };
  // Every language's attempts together: a translation has the original's question and choice ids.
  const rows = await deps.db
    .selectFrom('quiz_attempt')
    .select(['answers', 'marks', 'lang'])
    .where('module', '=', module.id)
    .where('finished_at', 'is not', null)
    .execute();
  const attempts = rows.map((row) => ({
    answers: JSON.parse(row.answers ?? '{}') as Record<string, string[]>,
    marks: JSON.parse(row.marks ?? '{}') as Record<string, number>,
  }));
  const questions = quiz.questions.map((question) => {
    const taking = attempts.filter((attempt) => question.id in attempt.marks);
    const item = taking.map((attempt) => attempt.marks[question.id] as number);
    const rest = taking.map((attempt) =>
      Object.entries(attempt.marks).reduce((sum, [id, mark]) => (id === question.id ? sum : sum + mark), 0),
    );
    const wrong = new Map<string, number>();
    for (const attempt of taking) {
      for (const choiceId of attempt.answers[question.id] ?? []) {
        const choice = question.choices.find((candidate) => candidate.id === choiceId);
        if (choice && !choice.correct) wrong.set(choiceId, (wrong.get(choiceId) ?? 0) + 1);
      }
    }
    const [topId, topCount] = [...wrong].sort((a, b) => b[1] - a[1])[0] ?? [];
    const correlation = pearson(item, rest);
    return {
      id: question.id,
      prompt: question.prompt,
      attempts: taking.length,
      facility: item.length > 0 ? round((item.reduce((sum, mark) => sum + mark, 0) / item.length) * 100) : null,
      discrimination: correlation === null ? null : round(correlation * 100),
      mostChosenWrong: topId
        ? { id: topId, text: question.choices.find((choice) => choice.id === topId)?.text ?? topId, count: topCount as number }
        : null,
      source: question.source ?? null,
    };
  });
  const byLanguage = new Map<string, number>();
  for (const row of rows) {
    const lang = row.lang ?? quiz.lang;
    byLanguage.set(lang, (byLanguage.get(lang) ?? 0) + 1);
  }
  const attemptsByLanguage = [...byLanguage]
    .map(([lang, count]) => ({ lang, attempts: count }))
    .sort((a, b) => b.attempts - a.attempts || a.lang.localeCompare(b.lang));
  return { module: module.id, attempts: attempts.length, attemptsByLanguage, questions };
}

/** Pearson's r, or null when either side does not vary (Moodle shows no index then). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  for (let index = 0; index < n; index++) {
    const dx = (xs[index] as number) - mx;
    const dy = (ys[index] as number) - my;
    covariance += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  if (vx === 0 || vy === 0) return null;
  return covariance / Math.sqrt(vx * vy);
}

const round = (value: number) => Math.round(value * 10) / 10;

export interface CompletionRecord {
  name: string;
  email: string;
  module: string;
  moduleVersion: string;
  quizVersion: string | null;
  score: number | null;
  completedAt: string;
  attemptId: string | null;
  /** The language of the attempt that passed the quiz; null for a module without a quiz. */
  attemptLang: string | null;
}

/** Every completion ever recorded, oldest first: for auditors, including deactivated people. */
export async function completionRecords(
  { db, catalog }: Pick<TrainingDeps, 'db' | 'catalog'>,
  moduleId?: string,
): Promise<CompletionRecord[]> {
  let query = db
    .selectFrom('module_completion')
    .innerJoin('user', 'user.id', 'module_completion.user_id')
    .leftJoin('quiz_attempt', 'quiz_attempt.id', 'module_completion.attempt_id')
    .select([
      'user.name',
      'user.email',
      'module_completion.module',
      'module_completion.module_version',
      'module_completion.quiz_version',
      'module_completion.score',
      'module_completion.completed_at',
      'module_completion.attempt_id',
      'quiz_attempt.lang',
    ])
    .orderBy('module_completion.completed_at')
    .orderBy('user.email');
  if (moduleId) query = query.where('module_completion.module', '=', moduleId);
  return (await query.execute()).map((row) => ({
    name: row.name,
    email: row.email,
    module: row.module,
    moduleVersion: row.module_version,
    quizVersion: row.quiz_version,
    score: row.score === null ? null : Number(row.score),
    completedAt: row.completed_at,
    attemptId: row.attempt_id,
    attemptLang: row.attempt_id === null ? null : (row.lang ?? catalog.module(row.module)?.quiz?.lang ?? null),
  }));
}
