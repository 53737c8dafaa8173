/**
 * A person's progress through a module, from what the database recorded: lessons marked done,
 * quiz attempts and completions since the last retake, and the assignments. Pure, so the
 * rules are tested on their own:
 * - passed: the module was completed (every lesson done and, where there is one, the quiz passed);
 * - overdue: assigned, not passed, and today is after the due date;
 * - failed: the last quiz attempt failed;
 * - in-progress: a lesson done or a quiz attempted; otherwise not-started.
 */
import { addDays, dateIn } from '../../kit/calendar.ts';
import type { TrainingModule } from './modules.ts';

export const MODULE_STATUSES = ['not-started', 'in-progress', 'passed', 'failed', 'overdue'] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];

export interface Assignment {
  /** Why the person has the module: a job role of theirs, a manager's assignment to them or their team, or a retake asked for. */
  reason: { kind: 'job-role'; jobRole: string } | { kind: 'person' } | { kind: 'team'; team: string } | { kind: 'retake' };
  /** When it started to count (ISO): the day the job role was given, or the assignment made. */
  since: string;
  /** A date set by the manager (YYYY-MM-DD), else the module's dueWithinDays from `since`. */
  dueOn?: string | null | undefined;
  /** The manager's assignment, which can be removed. */
  assignmentId?: string;
}

export interface AttemptFact {
  id: string;
  passed: boolean;
  score: number;
  finishedAt: string;
  /** The language it was taken in; null: the quiz's own (attempts from before translations). */
  lang?: string | null | undefined;
}

export interface CompletionFact {
  moduleVersion: string;
  completedAt: string;
  score?: number | null | undefined;
}

export interface ProgressFacts {
  module: TrainingModule;
  /** Lessons marked done since the last retake request. */
  lessonsDone: ReadonlySet<string>;
  /** Finished attempts since the last retake request, oldest first. */
  attempts: readonly AttemptFact[];
  /** The completion since the last retake request, if any. */
  completion?: CompletionFact | undefined;
  assignments: readonly Assignment[];
  now: Date;
  timeZone: string;
}

export interface ModuleProgress {
  module: string;
  title: string;
  url: string;
  lessonsDone: number;
  lessonsTotal: number;
  /** The lessons in reading order, each with whether it is done. */
  lessons: { id: string; title: string; url: string; done: boolean }[];
  hasQuiz: boolean;
  quizPassed: boolean;
  attemptsUsed: number;
  /** 0: unlimited. */
  attemptsAllowed: number;
  /** The finished attempts that count, oldest first, each with the language it was taken in. */
  attempts: { id: string; score: number; passed: boolean; finishedAt: string; lang: string }[];
  bestScore: number | null;
  lastScore: number | null;
  /** The newest finished attempt, for a link to its results. */
  lastAttemptId: string | null;
  status: ModuleStatus;
  assigned: boolean;
  assignments: Assignment[];
  /** The earliest due date of the assignments (YYYY-MM-DD), if any has one. */
  dueOn: string | null;
  completedAt: string | null;
  /** The module version the completion was recorded against. */
  completedVersion: string | null;
  /** Completed, but on an earlier version of the lessons or the quiz. */
  completedOnEarlierVersion: boolean;
}

export function dueDateOf(assignment: Assignment, module: Pick<TrainingModule, 'dueWithinDays'>, timeZone: string): string | undefined {
  if (assignment.dueOn) return assignment.dueOn;
  if (module.dueWithinDays === undefined) return undefined;
  return addDays(dateIn(new Date(assignment.since), timeZone), module.dueWithinDays);
}

export function moduleProgress({ module, lessonsDone, attempts, completion, assignments, now, timeZone }: ProgressFacts): ModuleProgress {
  const today = dateIn(now, timeZone);
  const dues = assignments.map((assignment) => dueDateOf(assignment, module, timeZone)).filter((due): due is string => due !== undefined);
  const dueOn = dues.length > 0 ? ([...dues].sort()[0] as string) : null;
  const done = module.lessons.filter((lesson) => lessonsDone.has(lesson.id)).length;
  const last = attempts.at(-1);
  const quizPassed = attempts.some((attempt) => attempt.passed);
  let status: ModuleStatus;
  if (completion) status = 'passed';
  else if (assignments.length > 0 && dueOn !== null && today > dueOn) status = 'overdue';
  else if (last && !last.passed) status = 'failed';
  else if (done > 0 || attempts.length > 0) status = 'in-progress';
  else status = 'not-started';
  return {
    module: module.id,
    title: module.title,
    url: module.url,
    lessonsDone: done,
    lessonsTotal: module.lessons.length,
    lessons: module.lessons.map((lesson) => ({ id: lesson.id, title: lesson.title, url: lesson.url, done: lessonsDone.has(lesson.id) })),
    hasQuiz: module.quiz !== undefined,
    quizPassed,
    attemptsUsed: attempts.length,
    attemptsAllowed: module.quiz?.attempts ?? 0,
    attempts: attempts.map(({ id, score, passed, finishedAt, lang }) => ({
      id,
      score,
      passed,
      finishedAt,
      lang: lang ?? module.quiz?.lang ?? module.lang,
    })),
    bestScore: attempts.length > 0 ? Math.max(...attempts.map((attempt) => attempt.score)) : null,
    lastScore: last?.score ?? null,
    lastAttemptId: last?.id ?? null,
    status,
    assigned: assignments.length > 0,
    assignments: [...assignments],
    dueOn,
    completedAt: completion?.completedAt ?? null,
    completedVersion: completion?.moduleVersion ?? null,
    completedOnEarlierVersion: completion !== undefined && completion.moduleVersion !== module.version,
  };
}

/** Whether the module is complete with these lessons done and this quiz result. */
export function isComplete(module: TrainingModule, lessonsDone: ReadonlySet<string>, quizPassed: boolean): boolean {
  return module.lessons.every((lesson) => lessonsDone.has(lesson.id)) && (module.quiz === undefined || quizPassed);
}

/** The order for "my training": overdue first, then by due date, unassigned last. */
export function byUrgency(a: ModuleProgress, b: ModuleProgress): number {
  const rank = (progress: ModuleProgress) =>
    progress.status === 'overdue' ? 0 : progress.status === 'passed' ? 3 : progress.assigned ? 1 : 2;
  return rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title);
}
