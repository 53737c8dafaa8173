/**
 * Training on a real database, SQLite and PostgreSQL: assignments and due dates, lessons, quiz
 * attempts graded on the server (limits, repeats and races included), completions that keep
 * their version, retakes, and the managers' reports.
 */
import { describe, expect, it } from 'vitest';
import { assignModule, listAssignments, removeAssignment, requestRetake } from '../../../../src/features/training/server/assignments.ts';
import { listAttempts, openAttempt, type QuizForLearner, submitAttempt } from '../../../../src/features/training/server/attempts.ts';
import { learnerProgress, markLessonDone, type TrainingDeps } from '../../../../src/features/training/server/learner.ts';
import { completionRecords, pearson, questionStatistics, trainingReport } from '../../../../src/features/training/server/reports.ts';
import { createUser, findUserByEmail, updateUser } from '../../../../src/features/accounts/server/users.ts';
import type { UserRecord } from '../../../../src/features/accounts/server/user-records.ts';
import { failure } from '../../../helpers/api-error.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { PASSWORD, useTestApp } from '../../../helpers/people.ts';
import { catalogOf, sampleModule, sampleQuiz } from '../../../helpers/quiz.ts';
import { shownIdsOf } from '../../../helpers/quiz-answers.ts';

const CLI = { user: null, via: 'command line' };
/** Answers in the author's ids (the sample quiz's a, b, c...); an attempt is answered in the ids it shows. */
const RIGHT = { 'refund-window': ['a'], 'verify-first': ['a'], 'refund-methods': ['a', 'b'], 'cooling-off': ['true'] };
const WRONG = { 'refund-window': ['b'], 'verify-first': ['c'], 'refund-methods': ['c'], 'cooling-off': ['false'] };
const inShownIds = (quiz: QuizForLearner, byAuthor: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(byAuthor).map(([id, ids]) => [id, shownIdsOf(quiz, sampleQuiz(), id, ids)]));

describe.each(DATABASES)('training on $name', (database) => {
  let clock = new Date('2026-11-02T09:00:00Z');
  const tick = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  const context = useTestApp(database, { now: () => clock });
  const module = sampleModule();
  const noQuiz = sampleModule({
    id: 'no-quiz',
    title: 'No quiz',
    url: '/training/no-quiz/',
    assignTo: [],
    quiz: undefined as never,
    version: 'noquiz000001',
  });
  const deps = (modules = [module, noQuiz]): TrainingDeps => ({ ...context.app, catalog: catalogOf(modules, 'Europe/London') });
  const person = async (email: string, extra: Partial<Parameters<typeof createUser>[2]> = {}): Promise<UserRecord> =>
    (await findUserByEmail(context.app, email)) ??
    (
      await createUser(context.app, CLI, {
        email,
        name: email.split('@')[0] as string,
        role: 'member',
        jobRoles: ['agent'],
        team: 'Tier 1',
        ownerHandles: [],
        password: PASSWORD,
        ...extra,
      })
    ).user;

  it.skipIf(!database.available)('lists every module, the assigned one with its due date from the day the job role was given', async () => {
    const lena = await person('lena@kestrel.example');
    const progress = await learnerProgress(deps(), lena);
    expect(progress.map((entry) => [entry.module, entry.status, entry.assigned, entry.dueOn])).toEqual([
      ['basics', 'not-started', true, '2026-11-16'],
      ['no-quiz', 'not-started', false, null],
    ]);
    expect(progress[0]?.assignments[0]?.reason).toEqual({ kind: 'job-role', jobRole: 'agent' });
  });

  it.skipIf(!database.available)('marks lessons done once, whatever is sent twice, and refuses unknown ones', async () => {
    const lena = await person('lena@kestrel.example');
    expect((await markLessonDone(deps(), lena, 'basics', 'welcome')).lessonsDone).toBe(1);
    expect((await markLessonDone(deps(), lena, 'basics', 'welcome')).lessonsDone).toBe(1);
    expect((await failure(markLessonDone(deps(), lena, 'basics', 'nope'))).message).toBe(
      'basics has no lesson nope; its lessons are welcome, first-call.',
    );
    expect((await failure(markLessonDone(deps(), lena, 'nope', 'welcome'))).code).toBe('NOT_FOUND');
  });

  it.skipIf(!database.available)('opens a quiz without its answers, and gives the same attempt until it is submitted', async () => {
    const lena = await person('lena@kestrel.example');
    const quiz = await openAttempt(deps(), lena, 'basics');
    expect(quiz).toMatchObject({
      module: 'basics',
      version: 'quizversion01',
      passMark: 75,
      attemptsAllowed: 3,
      attemptsUsed: 0,
      attemptNumber: 1,
    });
    // Not shuffled: the file's order; the ids are the attempt's own, not the author's a, b, c.
    expect(quiz.questions[0]).toEqual({
      id: 'refund-window',
      type: 'single',
      prompt: 'Question refund-window?',
      choices: [
        { id: expect.stringMatching(/^[a-z2-9]{8}$/), text: '30 days' },
        { id: expect.stringMatching(/^[a-z2-9]{8}$/), text: '14 days' },
        { id: expect.stringMatching(/^[a-z2-9]{8}$/), text: '60 days' },
      ],
    });
    const ids = quiz.questions.flatMap((question) => question.choices.map((choice) => choice.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => ['a', 'b', 'c', 'true', 'false'].includes(id))).toEqual([]);
    expect(JSON.stringify(quiz)).not.toMatch(/correct|feedback|explanation|Because/);
    // The same attempt, with the same ids, until it is submitted.
    expect(await openAttempt(deps(), lena, 'basics')).toEqual(quiz);
    expect((await failure(openAttempt(deps(), lena, 'no-quiz'))).code).toBe('NOT_FOUND');
  });

  it.skipIf(!database.available)('refuses answers that do not fit the attempt, field by field', async () => {
    const lena = await person('lena@kestrel.example');
    const quiz = await openAttempt(deps(), lena, 'basics');
    const shown = (questionId: string) => quiz.questions.find((question) => question.id === questionId)?.choices.map((c) => c.id) ?? [];
    const error = await failure(
      submitAttempt(deps(), lena, 'basics', {
        idempotencyKey: 'bad-1',
        // The author's ids are no answer: an attempt is answered in the ids it showed.
        answers: { nope: ['a'], 'refund-window': shown('refund-window').slice(0, 2), 'verify-first': ['a'], 'cooling-off': ['zz9zz9zz'] },
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.options.fields).toEqual({
      'answers.nope': 'is not a question of this attempt',
      'answers.refund-window': 'choose one answer for this question',
      'answers.verify-first': `a is not a choice of this question in this attempt; its choices are ${shown('verify-first').join(', ')}`,
      'answers.cooling-off': `zz9zz9zz is not a choice of this question in this attempt; its choices are ${shown('cooling-off').join(', ')}`,
    });
    // Nothing in the message names the author's ids.
    expect(error.options.fields?.['answers.cooling-off']).not.toMatch(/\b(true|false)\b/);
  });

  it.skipIf(!database.available)(
    'grades on the server, stores a repeated submission once, and shows answers only after a pass',
    async () => {
      const lena = await person('lena@kestrel.example');
      const first = await openAttempt(deps(), lena, 'basics');
      tick();
      const failed = await submitAttempt(deps(), lena, 'basics', {
        idempotencyKey: 'lena-1',
        answers: inShownIds(first, { ...WRONG, 'refund-methods': ['b'] }),
      });
      expect(failed.result).toMatchObject({ score: 12.5, passed: false, number: 1, answersRevealed: false });
      // The results speak the attempt's ids; the explanation would give the key away before a pass.
      expect(failed.result.questions.find((question) => question.id === 'refund-window')).toMatchObject({
        correct: false,
        chosen: shownIdsOf(first, sampleQuiz(), 'refund-window', ['b']),
        feedback: ['Not 14 days.'],
        explanation: null,
        source: { url: '/policies/refunds/', anchor: 'refund-window' },
      });
      expect(failed.result.questions.map((question) => question.explanation)).toEqual([null, null, null, null]);
      expect(failed.result.questions[0]).not.toHaveProperty('rightChoices');
      // Stored in the author's ids, which statistics and reports count by.
      const stored = await context.app.db.selectFrom('quiz_attempt').select('answers').where('id', '=', first.attemptId).executeTakeFirst();
      expect(JSON.parse(stored?.answers ?? '{}')).toEqual({ ...WRONG, 'refund-methods': ['b'] });
      const again = await submitAttempt(deps(), lena, 'basics', { idempotencyKey: 'lena-1', answers: RIGHT });
      expect(again).toMatchObject({ repeated: true, result: { attemptId: failed.result.attemptId, score: 12.5 } });
      expect((await failure(submitAttempt(deps(), lena, 'basics', { idempotencyKey: 'lena-2', answers: RIGHT }))).code).toBe(
        'NO_OPEN_ATTEMPT',
      );
      expect((await learnerProgress(deps(), lena))[0]?.status).toBe('failed');

      const second = await openAttempt(deps(), lena, 'basics');
      expect(second.questions[0]?.choices.map((choice) => choice.id)).not.toEqual(first.questions[0]?.choices.map((choice) => choice.id));
      tick();
      const passed = await submitAttempt(deps(), lena, 'basics', { idempotencyKey: 'lena-2', answers: inShownIds(second, RIGHT) });
      expect(passed.result).toMatchObject({ score: 100, passed: true, number: 2, answersRevealed: true });
      expect(passed.result.questions.find((question) => question.id === 'refund-methods')?.rightChoices).toEqual(
        shownIdsOf(second, sampleQuiz(), 'refund-methods', ['a', 'b']),
      );
      expect(passed.result.questions.find((question) => question.id === 'refund-window')?.explanation).toBe('Because 30 days.');
      // One lesson is still to do: passed the quiz, not yet the module.
      expect((await learnerProgress(deps(), lena))[0]).toMatchObject({ status: 'in-progress', quizPassed: true, lessonsDone: 1 });
      tick();
      const done = await markLessonDone(deps(), lena, 'basics', 'first-call');
      expect(done).toMatchObject({ status: 'passed', completedVersion: module.version, completedOnEarlierVersion: false, bestScore: 100 });
      expect((await listAttempts(deps(), lena, 'basics')).map((attempt) => [attempt.number, attempt.score, attempt.passed])).toEqual([
        [1, 12.5, false],
        [2, 100, true],
      ]);
    },
  );

  it.skipIf(!database.available)('keeps a completion on the version it was made on, and a retake asks for it again', async () => {
    const lena = await person('lena@kestrel.example');
    const changed = { ...module, version: 'module000002', quiz: sampleQuiz({ version: 'quizversion02' }) };
    const progress = (await learnerProgress(deps([changed, noQuiz]), lena)).find((entry) => entry.module === 'basics');
    expect(progress).toMatchObject({ status: 'passed', completedVersion: 'module000001', completedOnEarlierVersion: true });
    tick();
    await requestRetake(deps([changed, noQuiz]), CLI, { userId: lena.id, module: 'basics', dueOn: '2026-11-30' });
    tick();
    expect((await learnerProgress(deps([changed, noQuiz]), lena)).find((entry) => entry.module === 'basics')).toMatchObject({
      status: 'not-started',
      lessonsDone: 0,
      attemptsUsed: 0,
      dueOn: '2026-11-30',
    });
    const records = await completionRecords(deps());
    expect(
      records
        .filter((record) => record.email === 'lena@kestrel.example')
        .map((record) => [record.module, record.moduleVersion, record.score]),
    ).toEqual([['basics', 'module000001', 100]]);
  });

  it.skipIf(!database.available)('never lets parallel requests go past the attempt limit', async () => {
    const max = await person('max@kestrel.example');
    const limited = { ...module, quiz: sampleQuiz({ attempts: 2 }) };
    const results = [];
    for (let round = 0; round < 3; round++) {
      const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openAttempt(deps([limited]), max, 'basics')));
      const ids = new Set(
        opened
          .filter((entry) => entry.status === 'fulfilled')
          .map((entry) => (entry as PromiseFulfilledResult<{ attemptId: string }>).value.attemptId),
      );
      expect(ids.size).toBeLessThanOrEqual(1);
      const quiz = opened.find((entry) => entry.status === 'fulfilled')?.value;
      const answers = quiz ? inShownIds(quiz, WRONG) : WRONG;
      results.push(
        ...(await Promise.allSettled(
          Array.from({ length: 4 }, (_, index) =>
            submitAttempt(deps([limited]), max, 'basics', { idempotencyKey: `max-${round}-${index}`, answers }),
          ),
        )),
      );
      tick();
    }
    expect(results.filter((entry) => entry.status === 'fulfilled')).toHaveLength(2);
    expect((await listAttempts(deps([limited]), max, 'basics')).length).toBe(2);
    expect((await failure(openAttempt(deps([limited]), max, 'basics'))).code).toBe('ATTEMPT_LIMIT_REACHED');
  });

  it.skipIf(!database.available)('assigns a module to a person or a team, with its due date, and removes it', async () => {
    const sam = await person('sam@kestrel.example', { jobRoles: [], team: 'Tier 2' });
    expect((await learnerProgress(deps(), sam)).find((entry) => entry.module === 'no-quiz')?.assigned).toBe(false);
    const byTeam = await assignModule(deps(), CLI, { module: 'no-quiz', team: 'Tier 2', dueOn: '2026-11-05' });
    await assignModule(deps(), CLI, { module: 'basics', userId: sam.id });
    const progress = await learnerProgress(deps(), sam);
    expect(progress.find((entry) => entry.module === 'no-quiz')).toMatchObject({ assigned: true, dueOn: '2026-11-05' });
    expect(progress.find((entry) => entry.module === 'basics')?.dueOn).toBe('2026-11-16');
    clock = new Date('2026-11-06T09:00:00Z');
    expect((await learnerProgress(deps(), sam))[0]).toMatchObject({ module: 'no-quiz', status: 'overdue' });
    await updateUser(context.app, CLI, sam.id, { team: 'Tier 3' });
    const moved = await findUserByEmail(context.app, 'sam@kestrel.example');
    expect((await learnerProgress(deps(), moved as UserRecord)).find((entry) => entry.module === 'no-quiz')?.assigned).toBe(false);
    expect((await listAssignments(context.app, 'no-quiz')).map((entry) => entry.team)).toEqual(['Tier 2']);
    await removeAssignment(context.app, byTeam.id);
    expect((await failure(removeAssignment(context.app, byTeam.id))).code).toBe('NOT_FOUND');
    expect((await failure(assignModule(deps(), CLI, { module: 'basics', userId: sam.id, team: 'Tier 2' }))).code).toBe('INVALID_INPUT');
  });

  it.skipIf(!database.available)('reports people by module, filtered, and each question’s statistics', async () => {
    const rows = await trainingReport(deps(), { module: 'basics' });
    expect(rows.map((row) => [row.person.email, row.progress.status, row.progress.dueOn])).toEqual([
      ['lena@kestrel.example', 'not-started', '2026-11-30'],
      ['max@kestrel.example', 'failed', '2026-11-16'],
      ['sam@kestrel.example', 'not-started', '2026-11-16'],
    ]);
    clock = new Date('2026-11-17T09:00:00Z');
    expect((await trainingReport(deps(), { module: 'basics', status: 'overdue' })).map((row) => row.person.email)).toEqual([
      'max@kestrel.example',
      'sam@kestrel.example',
    ]);
    expect((await trainingReport(deps(), { team: 'Tier 3' })).map((row) => row.progress.module)).toEqual(['basics', 'no-quiz']);
    expect(await trainingReport(deps(), { jobRole: 'agent', status: 'passed' })).toEqual([]);
    const stats = await questionStatistics(deps(), 'basics');
    expect(stats.attempts).toBe(4);
    expect(stats.questions.find((question) => question.id === 'refund-window')).toMatchObject({
      attempts: 4,
      facility: 25,
      mostChosenWrong: { id: 'b', text: '14 days', count: 3 },
    });
    expect(stats.questions.find((question) => question.id === 'refund-methods')?.facility).toBe(37.5);
  });

  it.skipIf(!database.available)(
    'takes an attempt drawn before choices had ids of their own in the ids it showed, the author’s, and grades it right',
    async () => {
      const olga = await person('olga@kestrel.example', { jobRoles: [], team: 'Archive' });
      // The draw as it was stored then: each question's choices as the author's ids, in the order shown.
      const legacy = sampleQuiz().questions.map((question) => ({ id: question.id, choices: question.choices.map((choice) => choice.id) }));
      await context.app.db
        .insertInto('quiz_attempt')
        .values({
          id: 'legacy-attempt-1',
          user_id: olga.id,
          module: 'basics',
          number: 1,
          quiz_version: 'quizversion01',
          lang: null,
          questions: JSON.stringify(legacy),
          answers: null,
          marks: null,
          score: null,
          passed: null,
          idempotency_key: null,
          started_at: clock.toISOString(),
          finished_at: null,
        })
        .execute();
      const quiz = await openAttempt(deps(), olga, 'basics');
      expect(quiz.attemptId).toBe('legacy-attempt-1');
      expect(quiz.questions[0]?.choices).toEqual([
        { id: 'a', text: '30 days' },
        { id: 'b', text: '14 days' },
        { id: 'c', text: '60 days' },
      ]);
      tick();
      const { result } = await submitAttempt(deps(), olga, 'basics', { idempotencyKey: 'olga-1', answers: RIGHT });
      expect(result).toMatchObject({ attemptId: 'legacy-attempt-1', score: 100, passed: true, answersRevealed: true });
      expect(result.questions.find((question) => question.id === 'refund-methods')).toMatchObject({
        chosen: ['a', 'b'],
        rightChoices: ['a', 'b'],
        choices: [
          { id: 'a', text: 'Card' },
          { id: 'b', text: 'Bank transfer' },
          { id: 'c', text: 'Cash' },
        ],
      });
    },
  );
});

describe('pearson', () => {
  it('correlates, and has no value when a side does not vary', () => {
    expect(pearson([0, 1, 1, 0], [1, 3, 3, 1])).toBe(1);
    expect(pearson([0, 1], [3, 1])).toBe(-1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });
});
