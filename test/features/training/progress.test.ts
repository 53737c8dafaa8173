import { describe, expect, it } from 'vitest';
import { byUrgency, isComplete, moduleProgress, type ProgressFacts } from '../../../src/features/training/progress.ts';
import { sampleModule } from '../../helpers/quiz.ts';

const module = sampleModule();
const facts = (overrides: Partial<ProgressFacts> = {}): ProgressFacts => ({
  module,
  lessonsDone: new Set(),
  attempts: [],
  assignments: [{ reason: { kind: 'job-role', jobRole: 'agent' }, since: '2026-11-01T09:00:00Z' }],
  now: new Date('2026-11-10T12:00:00Z'),
  timeZone: 'Europe/London',
  ...overrides,
});

describe('moduleProgress', () => {
  it('starts not started, with a due date counted from the day the job role was given', () => {
    expect(moduleProgress(facts())).toMatchObject({
      status: 'not-started',
      lessonsDone: 0,
      lessonsTotal: 2,
      hasQuiz: true,
      assigned: true,
      dueOn: '2026-11-15',
    });
  });

  it('is in progress with a lesson done, failed after a failed attempt, passed once complete', () => {
    expect(moduleProgress(facts({ lessonsDone: new Set(['welcome']) })).status).toBe('in-progress');
    const failed = moduleProgress(
      facts({
        lessonsDone: new Set(['welcome', 'first-call']),
        attempts: [{ id: 'a1', passed: false, score: 50, finishedAt: '2026-11-09T10:00:00Z' }],
      }),
    );
    expect(failed).toMatchObject({
      status: 'failed',
      attemptsUsed: 1,
      attemptsAllowed: 3,
      lastScore: 50,
      lastAttemptId: 'a1',
      quizPassed: false,
    });
    expect(failed.lessons.map((lesson) => [lesson.id, lesson.done])).toEqual(module.lessons.map((lesson) => [lesson.id, true]));
    const passed = moduleProgress(
      facts({
        attempts: [
          { id: 'a1', passed: false, score: 50, finishedAt: '2026-11-09T10:00:00Z' },
          { id: 'a2', passed: true, score: 100, finishedAt: '2026-11-09T11:00:00Z' },
        ],
        completion: { moduleVersion: module.version, completedAt: '2026-11-09T11:00:00Z', score: 100 },
      }),
    );
    expect(passed).toMatchObject({ status: 'passed', bestScore: 100, lastAttemptId: 'a2', completedOnEarlierVersion: false });
  });

  it('is overdue the day after the due date in the organisation’s time zone, unless passed', () => {
    // Given at 23:30 UTC on 31 January: 1 February in Berlin, due 15 February there.
    const assignments = [{ reason: { kind: 'job-role' as const, jobRole: 'agent' }, since: '2026-01-31T23:30:00Z' }];
    const at = (now: string) => moduleProgress(facts({ assignments, timeZone: 'Europe/Berlin', now: new Date(now) }));
    expect(at('2026-02-15T22:59:00Z')).toMatchObject({ dueOn: '2026-02-15', status: 'not-started' });
    expect(at('2026-02-15T23:01:00Z').status).toBe('overdue');
    const completion = { moduleVersion: module.version, completedAt: '2026-02-20T10:00:00Z' };
    expect(
      moduleProgress(facts({ assignments, timeZone: 'Europe/Berlin', now: new Date('2026-03-01T00:00:00Z'), completion })).status,
    ).toBe('passed');
  });

  it('takes a manager’s due date, and the earliest of several', () => {
    const progress = moduleProgress(
      facts({
        assignments: [
          { reason: { kind: 'job-role', jobRole: 'agent' }, since: '2026-11-01T09:00:00Z' },
          { reason: { kind: 'team', team: 'Tier 1' }, since: '2026-11-05T09:00:00Z', dueOn: '2026-11-08' },
        ],
      }),
    );
    expect(progress).toMatchObject({ dueOn: '2026-11-08', status: 'overdue' });
  });

  it('is never overdue when not assigned, and says when a completion was on an earlier version', () => {
    expect(moduleProgress(facts({ assignments: [], now: new Date('2030-01-01T00:00:00Z') })).status).toBe('not-started');
    const outdated = moduleProgress(facts({ completion: { moduleVersion: 'older0000001', completedAt: '2026-10-01T00:00:00Z' } }));
    expect(outdated).toMatchObject({ status: 'passed', completedVersion: 'older0000001', completedOnEarlierVersion: true });
  });
});

describe('isComplete and byUrgency', () => {
  it('needs every lesson and, where there is one, a passed quiz', () => {
    expect(isComplete(module, new Set(['welcome', 'first-call']), false)).toBe(false);
    expect(isComplete(module, new Set(['welcome', 'first-call']), true)).toBe(true);
    const { quiz: _quiz, ...withoutQuiz } = module;
    expect(isComplete(withoutQuiz, new Set(['welcome', 'first-call']), false)).toBe(true);
  });

  it('lists overdue modules first, then by due date, unassigned ones after, passed ones last', () => {
    const progress = (title: string, status: 'overdue' | 'passed' | 'not-started', assigned: boolean, dueOn: string | null) =>
      ({ title, status, assigned, dueOn }) as Parameters<typeof byUrgency>[0];
    const sorted = [
      progress('Done', 'passed', true, '2026-01-01'),
      progress('Optional', 'not-started', false, null),
      progress('Later', 'not-started', true, '2026-12-01'),
      progress('Late', 'overdue', true, '2026-11-01'),
      progress('Soon', 'not-started', true, '2026-11-20'),
    ].sort(byUrgency);
    expect(sorted.map((entry) => entry.title)).toEqual(['Late', 'Soon', 'Later', 'Optional', 'Done']);
  });
});
