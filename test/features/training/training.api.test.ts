/**
 * Training over real HTTP, on SQLite and PostgreSQL, against the fixture site's module
 * (training/basics, two lessons) and its quiz (test/fixtures/quizzes/basics.yaml: two
 * questions, pass mark 50, two attempts): progress, lessons, quizzes graded on the server with
 * no answer reaching the learner before grading, submissions sent twice or at once, the limits
 * on attempts, assignments, retakes, and the reports with their exports.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, signIn } from '../../helpers/people.ts';
import { requestsAs } from '../../helpers/requests-as.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
interface Quiz {
  attemptId: string;
  attemptNumber: number;
  attemptsUsed: number;
  questions: { id: string; type: string; prompt: string; choices: { id: string; text: string }[] }[];
}
interface Result {
  attemptId: string;
  score: number;
  passed: boolean;
  answersRevealed: boolean;
  questions: {
    id: string;
    correct: boolean;
    feedback: string[];
    source: { url: string; anchor?: string } | null;
    rightChoices?: string[];
  }[];
}
interface Progress {
  module: string;
  status: string;
  lessonsDone: number;
  lessonsTotal: number;
  lessons: { id: string; done: boolean }[];
  attemptsUsed: number;
  assigned: boolean;
  dueOn: string | null;
  completedAt: string | null;
}

/** What only the answer key has: the fixture quiz's feedback and explanations. */
const KEY_WORDS = ['Quiz feedback', 'Quiz explanation', '"correct"', '"answer"'];

/** The answers to the fixture quiz: right, or all wrong. */
function answersFor(quiz: Quiz, right: boolean): Record<string, string[]> {
  return Object.fromEntries(
    quiz.questions.map((question) => {
      const rightChoice =
        question.type === 'true-false'
          ? question.choices.find((choice) => /true/i.test(choice.text))
          : question.choices.find((choice) => /thirty days/.test(choice.text));
      const choice = right ? rightChoice : question.choices.find((candidate) => candidate !== rightChoice);
      return [question.id, [choice?.id as string]];
    }),
  );
}

let keys = 0;
const newKey = () => `submission-${Date.now()}-${++keys}`;

describe.each(DATABASES)('training over HTTP on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, { signIn: { manager: PEOPLE.manager.email, member: PEOPLE.member.email } });
  const cookies: Record<string, string> = site.cookies;
  const ids: Record<string, string> = {};

  const { call, json } = requestsAs(site, cookies);
  const submit = (as: string, body: unknown) =>
    call('/api/quizzes/basics/attempts', as, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  const basicsOf = async (as: string) =>
    (await json<{ modules: Progress[] }>('/api/me/training', as)).modules.find((module) => module.module === 'basics') as Progress;

  /** A new member of `team`, signed in. */
  async function learner(name: string, team = 'Tier 1'): Promise<void> {
    const email = `${name}@fixture.example`;
    const { user } = await createUser(
      site.app,
      { user: null },
      { email, name, role: 'member', jobRoles: ['agent'], team, ownerHandles: [], password: PASSWORD },
    );
    ids[name] = user.id;
    cookies[name] = await signIn(site.server.url, email);
  }

  it.skipIf(!database.available)('lists my modules and marks lessons done once', async () => {
    await learner('lena');
    expect(await basicsOf('lena')).toMatchObject({ status: 'not-started', lessonsDone: 0, lessonsTotal: 2, attemptsUsed: 0 });
    const once = await json<Progress>('/api/me/lessons/basics/welcome', 'lena', { method: 'POST' });
    const twice = await json<Progress>('/api/me/lessons/basics/welcome', 'lena', { method: 'POST' });
    expect(once).toMatchObject({ status: 'in-progress', lessonsDone: 1 });
    expect(twice.lessonsDone).toBe(1);
    expect(twice.lessons).toEqual([
      expect.objectContaining({ id: 'welcome', done: true }),
      expect.objectContaining({ id: 'first-call', done: false }),
    ]);
    const unknownLesson = await json<ErrorBody>('/api/me/lessons/basics/no-such-lesson', 'lena', { method: 'POST' }, 404);
    expect(unknownLesson.error.code).toBe('NOT_FOUND');
    expect((await json<ErrorBody>('/api/me/lessons/no-such-module/welcome', 'lena', { method: 'POST' }, 404)).error.code).toBe('NOT_FOUND');
    expect((await call('/api/me/training', 'anonymous')).status).toBe(401);
  });

  it.skipIf(!database.available)('gives the quiz without its answers, the same attempt until it is submitted', async () => {
    await learner('quinn');
    const response = await call('/api/quizzes/basics', 'quinn');
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const word of KEY_WORDS) expect(text).not.toContain(word);
    const quiz = JSON.parse(text) as Quiz;
    expect(quiz.questions.map((question) => question.id).sort()).toEqual(['check-the-order', 'refund-window']);
    expect(quiz).toMatchObject({ attemptNumber: 1, attemptsUsed: 0 });
    // Ten tabs opening the quiz at once get one attempt.
    const again = await Promise.all(Array.from({ length: 10 }, () => json<Quiz>('/api/quizzes/basics', 'quinn')));
    expect(new Set(again.map((each) => each.attemptId))).toEqual(new Set([quiz.attemptId]));
    expect((await json<ErrorBody>('/api/quizzes/no-such-module', 'quinn', {}, 404)).error.code).toBe('NOT_FOUND');
    expect((await call('/api/quizzes/basics', 'anonymous')).status).toBe(401);
  });

  it.skipIf(!database.available)('says which field of a submission is wrong, and stores nothing', async () => {
    await learner('bea');
    const quiz = await json<Quiz>('/api/quizzes/basics', 'bea');
    const single = quiz.questions.find((question) => question.type === 'single') as Quiz['questions'][number];
    const cases: [unknown, string][] = [
      [{}, 'answers'],
      [{ answers: {} }, 'idempotencyKey'],
      [{ answers: {}, idempotencyKey: 'short' }, 'idempotencyKey'],
      [{ answers: { [single.id]: 'a' }, idempotencyKey: newKey() }, `answers.${single.id}`],
      [{ answers: { 'no-such-question': ['a'] }, idempotencyKey: newKey() }, 'answers.no-such-question'],
      [{ answers: { [single.id]: ['no-such-choice'] }, idempotencyKey: newKey() }, `answers.${single.id}`],
      [{ answers: { [single.id]: single.choices.map((choice) => choice.id) }, idempotencyKey: newKey() }, `answers.${single.id}`],
      [{ answers: {}, idempotencyKey: newKey(), score: 100 }, 'score'],
    ];
    for (const [body, field] of cases) {
      const response = await submit('bea', body);
      const error = (await response.json()) as ErrorBody;
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(error.error.code).toBe('INVALID_INPUT');
      expect(Object.keys(error.error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const malformed = await submit('bea', '{"answers": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error.fields).toHaveProperty('body');
    // Nothing was graded: the attempt is still open, and none is used.
    expect(await json<Quiz>('/api/quizzes/basics', 'bea')).toMatchObject({ attemptId: quiz.attemptId, attemptsUsed: 0 });
  });

  it.skipIf(!database.available)('grades on the server, stores a submission sent twice once, and shows what to reread', async () => {
    await learner('finn');
    const quiz = await json<Quiz>('/api/quizzes/basics', 'finn');
    const body = JSON.stringify({ answers: answersFor(quiz, false), idempotencyKey: newKey() });
    const first = await call('/api/quizzes/basics/attempts', 'finn', { method: 'POST', body });
    const firstText = await first.text();
    expect(first.status, firstText).toBe(201);
    const result = JSON.parse(firstText) as Result;
    expect(result).toMatchObject({ attemptId: quiz.attemptId, score: 0, passed: false });
    expect(result.questions.every((question) => !question.correct && question.source !== null)).toBe(true);
    expect(result.questions.flatMap((question) => question.feedback).join(' ')).toContain('Quiz feedback');
    // A failed attempt does not hand out the key for the next one.
    expect(result.answersRevealed).toBe(false);
    expect(result.questions.some((question) => question.rightChoices)).toBe(false);
    const repeated = await call('/api/quizzes/basics/attempts', 'finn', { method: 'POST', body });
    expect(repeated.status).toBe(200);
    expect(await repeated.json()).toEqual(result);
    const { attempts } = await json<{ attempts: unknown[] }>('/api/quizzes/basics/attempts', 'finn');
    expect(attempts).toHaveLength(1);
    expect(await json<Result>(`/api/quizzes/basics/attempts/${result.attemptId}`, 'finn')).toEqual(result);
    // Somebody else's attempt is not there for me.
    expect((await call(`/api/quizzes/basics/attempts/${result.attemptId}`, 'member')).status).toBe(404);
    expect(await basicsOf('finn')).toMatchObject({ status: 'failed', attemptsUsed: 1 });
  });

  it.skipIf(!database.available)('takes one of many submissions sent at once, and stops at the attempt limit', async () => {
    await learner('pia');
    const quiz = await json<Quiz>('/api/quizzes/basics', 'pia');
    const answers = answersFor(quiz, false);
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit('pia', { answers, idempotencyKey: newKey() })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409)).toBe(true);
    const second = await json<Quiz>('/api/quizzes/basics', 'pia');
    expect(second).toMatchObject({ attemptNumber: 2, attemptsUsed: 1 });
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => submit('pia', { answers: answersFor(second, false), idempotencyKey: newKey() })),
    );
    expect(racing.filter((response) => response.status === 201)).toHaveLength(1);
    // Two attempts allowed, both used.
    const limit = await json<ErrorBody>('/api/quizzes/basics', 'pia', {}, 409);
    expect(limit.error.code).toBe('ATTEMPT_LIMIT_REACHED');
    expect((await json<{ attempts: unknown[] }>('/api/quizzes/basics/attempts', 'pia')).attempts).toHaveLength(2);
    // A retake asked for by a manager opens the quiz again, from attempt 1.
    expect(
      (
        await json<ErrorBody>(
          '/api/training/retakes',
          'pia',
          { method: 'POST', body: JSON.stringify({ userId: ids.pia, module: 'basics' }) },
          403,
        )
      ).error.code,
    ).toBe('FORBIDDEN');
    await json(
      '/api/training/retakes',
      'manager',
      { method: 'POST', body: JSON.stringify({ userId: ids.pia, module: 'basics', dueOn: '2030-01-31' }) },
      201,
    );
    expect(await json<Quiz>('/api/quizzes/basics', 'pia')).toMatchObject({ attemptNumber: 1, attemptsUsed: 0 });
    expect(await basicsOf('pia')).toMatchObject({ status: 'not-started', attemptsUsed: 0, dueOn: '2030-01-31' });
  });

  it.skipIf(!database.available)('completes the module when the lessons are read and the quiz passed, on its version', async () => {
    await learner('otto', 'Tier 2');
    const quiz = await json<Quiz>('/api/quizzes/basics', 'otto');
    const passed = await json<Result>(
      '/api/quizzes/basics/attempts',
      'otto',
      { method: 'POST', body: JSON.stringify({ answers: answersFor(quiz, true), idempotencyKey: newKey() }) },
      201,
    );
    expect(passed).toMatchObject({ score: 100, passed: true });
    expect(await basicsOf('otto')).toMatchObject({ status: 'in-progress', completedAt: null });
    await json('/api/me/lessons/basics/welcome', 'otto', { method: 'POST' });
    const done = await json<Progress>('/api/me/lessons/basics/first-call', 'otto', { method: 'POST' });
    expect(done.status).toBe('passed');
    expect(done.completedAt).not.toBeNull();
    const csv = await call('/api/reports/training/completions?module=basics', 'manager');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('name,email,module,module_version,quiz_version,score,completed_at,attempt_id,attempt_lang');
    expect(lines.filter((line) => line.includes('otto@fixture.example'))).toEqual([expect.stringMatching(/,en$/)]);
    const jsonl = await call('/api/reports/training/completions?format=jsonl', 'manager');
    expect(jsonl.headers.get('content-type')).toMatch(/^application\/jsonl/);
    const records = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { email: string; score: number });
    expect(records.find((record) => record.email === 'otto@fixture.example')).toMatchObject({ score: 100, attemptLang: 'en' });
    expect((await call('/api/reports/training/completions', 'member')).status).toBe(403);
  });

  it.skipIf(!database.available)('assigns modules to a person or a team, with clear errors', async () => {
    await learner('tess', 'Billing');
    const post = (body: unknown, status: number) =>
      json<ErrorBody & { id: string }>('/api/training/assignments', 'manager', { method: 'POST', body: JSON.stringify(body) }, status);
    expect((await post({ module: 'basics' }, 400)).error.fields).toHaveProperty('userId');
    expect((await post({ module: 'basics', userId: ids.tess, team: 'Billing' }, 400)).error.fields).toHaveProperty('userId');
    expect((await post({ module: 'basics', team: 'No Such Team' }, 400)).error.fields).toHaveProperty('team');
    expect((await post({ module: 'basics', userId: 'nobody' }, 400)).error.fields).toHaveProperty('userId');
    expect((await post({ module: 'basics', team: 'Billing', dueOn: '2026-02-30' }, 400)).error.fields).toHaveProperty('dueOn');
    expect((await post({ module: 'basics', team: 'Billing', dueOn: 'next week' }, 400)).error.fields).toHaveProperty('dueOn');
    expect((await post({ module: 'no-such-module', team: 'Billing' }, 404)).error.code).toBe('NOT_FOUND');
    expect(
      (
        await json<ErrorBody>(
          '/api/training/assignments',
          'member',
          { method: 'POST', body: JSON.stringify({ module: 'basics', team: 'Billing' }) },
          403,
        )
      ).error.code,
    ).toBe('FORBIDDEN');

    const assignment = await post({ module: 'basics', team: 'Billing', dueOn: '2031-03-01' }, 201);
    expect(await basicsOf('tess')).toMatchObject({ assigned: true, dueOn: '2031-03-01' });
    const { assignments } = await json<{ assignments: { id: string; team: string | null }[] }>(
      '/api/training/assignments?module=basics',
      'manager',
    );
    expect(assignments.find((entry) => entry.id === assignment.id)).toMatchObject({ team: 'Billing' });
    expect((await call(`/api/training/assignments/${assignment.id}`, 'manager', { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/training/assignments/${assignment.id}`, 'manager', { method: 'DELETE' })).status).toBe(404);
    expect((await basicsOf('tess')).dueOn).not.toBe('2031-03-01');
  });

  it.skipIf(!database.available)('reports progress by team, module and status, as JSON and CSV', async () => {
    await learner('rita', 'Returns');
    const { rows } = await json<{ rows: { person: { email: string }; progress: Progress }[] }>(
      '/api/reports/training?team=Returns&module=basics',
      'manager',
    );
    expect(rows.map((row) => row.person.email)).toEqual(['rita@fixture.example']);
    expect(rows[0]?.progress).toMatchObject({ module: 'basics', status: 'not-started' });
    const failed = await json<{ rows: { person: { email: string } }[] }>('/api/reports/training?status=failed', 'manager');
    expect(failed.rows.map((row) => row.person.email)).toContain('finn@fixture.example');
    expect(failed.rows.map((row) => row.person.email)).not.toContain('rita@fixture.example');
    const bad = await json<ErrorBody>('/api/reports/training?status=lost', 'manager', {}, 400);
    expect(bad.error.fields).toHaveProperty('status');
    const csv = await call('/api/reports/training?team=Returns', 'manager', { headers: { Accept: 'text/csv' } });
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="training-report.csv"/);
    const [header, ...lines] = (await csv.text()).trim().split(/\r?\n/);
    expect(header?.split(',')).toEqual(expect.arrayContaining(['name', 'email', 'team', 'module', 'status', 'due_on']));
    expect(lines.every((line) => line.includes('rita@fixture.example'))).toBe(true);
    const statistics = await json<{ attempts: number; questions: { id: string; attempts: number; facility: number | null }[] }>(
      '/api/reports/training/questions?module=basics',
      'manager',
    );
    expect(statistics.attempts).toBeGreaterThanOrEqual(4);
    expect(statistics.questions.map((question) => question.id).sort()).toEqual(['check-the-order', 'refund-window']);
    expect((await call('/api/reports/training', 'member')).status).toBe(403);
  });
});
