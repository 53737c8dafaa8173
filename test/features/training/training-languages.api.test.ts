/**
 * A translated quiz over real HTTP, on SQLite and PostgreSQL, against the sample content's
 * Handling complaints module and its quiz in five languages: a German learner takes it in
 * German and is graded by the original's answer key (right answers by id), the attempt records
 * its language, results speak it, and the reports, their exports and the attempt lists show
 * it; a German and an English attempt count in the same question statistics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, setUserLanguage } from '../../../src/features/accounts/server/users.ts';
import { parseQuizFile } from '../../../src/features/training/quiz-file.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { PROJECT_ROOT, SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, signIn } from '../../helpers/people.ts';
import { answersOf, builtQuiz } from '../../helpers/quiz-answers.ts';
import { requestsAs } from '../../helpers/requests-as.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const MODULE = 'handling-complaints';
const read = (file: string) => parseQuizFile(`quizzes/${file}`, readFileSync(join(PROJECT_ROOT, 'quizzes', file), 'utf8'));
/** The answer key, from the original only. */
const ORIGINAL = read(`${MODULE}.yaml`).quiz;
const GERMAN = read(`${MODULE}.de.yaml`).translation;
const LESSONS = ['recognising-a-complaint', 'resolving-at-first-contact', 'escalation-and-final-response'];

interface Quiz {
  attemptId: string;
  lang: string;
  otherLanguages: string[];
  title: string;
  questions: { id: string; type: string; prompt: string; choices: { id: string; text: string }[] }[];
}
interface Result {
  attemptId: string;
  lang: string;
  score: number;
  passed: boolean;
  questions: {
    id: string;
    prompt: string;
    correct: boolean;
    feedback: string[];
    explanation: string | null;
    source: { url: string } | null;
  }[];
}

let keys = 0;
const newKey = () => `language-${Date.now()}-${++keys}`;

describe.each(DATABASES)('a translated quiz over HTTP on $name', (database) => {
  // Greta chose German on /account/; Eddie chose nothing, so he gets the handbook's language.
  const site = useServedSite(database, SAMPLE_DIST, {
    prepare: async (app) => {
      for (const [name, language] of [
        ['greta', 'de'],
        ['eddie', null],
      ] as const) {
        const { user } = await createUser(
          app,
          { user: null },
          {
            email: `${name}@sample.example`,
            name,
            role: 'member',
            jobRoles: ['agent'],
            team: 'Tier 1',
            ownerHandles: [],
            password: PASSWORD,
          },
        );
        await setUserLanguage(app, user.id, language);
      }
    },
  });
  const cookies: Record<string, string> = {};
  const drawn: Record<string, string[]>[] = [];

  const { call, json } = requestsAs(site, cookies);
  const submit = (as: string, answers: Record<string, string[]>, idempotencyKey = newKey(), status = 201) =>
    json<Result>(`/api/quizzes/${MODULE}/attempts`, as, { method: 'POST', body: JSON.stringify({ answers, idempotencyKey }) }, status);
  // The original's key, found in the attempt's ids by the words of its language.
  const wrongAnswers = (quiz: Quiz) => answersOf(quiz, builtQuiz(SAMPLE_DIST, MODULE), 'wrong');
  const rightAnswers = (quiz: Quiz) => answersOf(quiz, builtQuiz(SAMPLE_DIST, MODULE), 'right');

  beforeAll(async () => {
    if (!database.available) return;
    cookies.greta = await signIn(site.server.url, 'greta@sample.example');
    cookies.eddie = await signIn(site.server.url, 'eddie@sample.example');
    cookies.manager = await signIn(site.server.url, PEOPLE.manager.email);
  });

  it.skipIf(!database.available)('gives a German learner the German quiz, with the original questions and no answers', async () => {
    const quiz = await json<Quiz>(`/api/quizzes/${MODULE}`, 'greta');
    expect(quiz).toMatchObject({ lang: 'de', title: 'Umgang mit Beschwerden', otherLanguages: ['en', 'fi', 'pl', 'sv'] });
    expect(quiz.questions).toHaveLength(8);
    for (const question of quiz.questions) {
      const original = ORIGINAL?.questions.find((candidate) => candidate.id === question.id);
      const german = GERMAN?.questions.find((candidate) => candidate.id === question.id);
      expect(question.prompt).toBe(german?.prompt);
      // Every choice of the original, in German words, under ids of the attempt's own.
      expect(question.choices).toHaveLength(original?.choices.length ?? -1);
      for (const choice of question.choices) expect(original?.choices.map((c) => c.id)).not.toContain(choice.id);
      if (question.type === 'true-false') expect(question.choices.map((choice) => choice.text).sort()).toEqual(['Falsch', 'Richtig']);
      else
        expect(question.choices.map((choice) => choice.text).sort()).toEqual(
          original?.choices.map((choice) => german?.choices?.find((c) => c.id === choice.id)?.text).sort(),
        );
    }
    const text = JSON.stringify(quiz);
    for (const question of GERMAN?.questions ?? []) {
      if (question.explanation) expect(text).not.toContain(question.explanation);
      for (const choice of question.choices ?? []) if (choice.feedback) expect(text).not.toContain(choice.feedback);
    }
    expect(text).not.toMatch(/"correct"|"answer"|"feedback"|"explanation"/);
  });

  it.skipIf(!database.available)('shows the German quiz page without a notice: the sample translations are up to date', async () => {
    const page = await call(`/quiz/${MODULE}/`, 'greta');
    expect(page.status).toBe(200);
    const html = await page.text();
    // Eight of the ten questions are drawn: the page has the German words of those drawn.
    const shown = (GERMAN?.questions ?? []).filter((question) => question.prompt !== undefined && html.includes(question.prompt));
    expect(shown).toHaveLength(8);
    expect(html).not.toContain('data-quiz-translation-stale');
  });

  it.skipIf(!database.available)(
    'switches an open attempt to another language with ?lang=, same questions, and refuses one it does not know',
    async () => {
      const german = await json<Quiz>(`/api/quizzes/${MODULE}`, 'greta');
      const polish = await json<Quiz>(`/api/quizzes/${MODULE}?lang=pl`, 'greta');
      expect(polish.attemptId).toBe(german.attemptId);
      expect(polish.lang).toBe('pl');
      expect(polish.questions.map((question) => [question.id, question.choices.map((choice) => choice.id)])).toEqual(
        german.questions.map((question) => [question.id, question.choices.map((choice) => choice.id)]),
      );
      expect(polish.questions[0]?.prompt).not.toBe(german.questions[0]?.prompt);
      // The attempt keeps the language it was last shown in, over the interface's.
      expect((await json<Quiz>(`/api/quizzes/${MODULE}`, 'greta')).lang).toBe('pl');
      expect((await json<Quiz>(`/api/quizzes/${MODULE}?lang=de`, 'greta')).lang).toBe('de');
      const refused = await json<{ error: { code: string; fields: Record<string, string> } }>(
        `/api/quizzes/${MODULE}?lang=fr`,
        'greta',
        {},
        400,
      );
      expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', fields: { lang: 'write one of en, de, pl, fi, sv' } });
    },
  );

  it.skipIf(!database.available)(
    'grades the German attempt by the original key, in German, and stores a repeated submission once',
    async () => {
      const quiz = await json<Quiz>(`/api/quizzes/${MODULE}`, 'greta');
      drawn.push({ de: quiz.questions.map((question) => question.id) });
      const failed = await submit('greta', wrongAnswers(quiz));
      expect(failed).toMatchObject({ lang: 'de', score: 0, passed: false });
      // Any drawn question whose wrong answer has feedback: eight of the ten are drawn at random.
      const translationOf = (id: string | undefined) => GERMAN?.questions.find((question) => question.id === id);
      const missed = failed.questions.find(
        (question) => question.feedback.length > 0 && translationOf(question.id)?.choices?.some((choice) => choice.feedback),
      );
      expect(missed, 'a missed question with feedback on its wrong answer').toBeDefined();
      const german = translationOf(missed?.id);
      expect(missed?.prompt).toBe(german?.prompt);
      expect(missed?.explanation).toBe(german?.explanation);
      expect(german?.choices?.map((choice) => choice.feedback)).toContain(missed?.feedback[0]);
      expect(missed?.source?.url).toMatch(/^\/de\//);

      const second = await json<Quiz>(`/api/quizzes/${MODULE}`, 'greta');
      drawn.push({ de: second.questions.map((question) => question.id) });
      const key = newKey();
      const passed = await submit('greta', rightAnswers(second), key);
      expect(passed).toMatchObject({ lang: 'de', score: 100, passed: true });
      expect(await submit('greta', rightAnswers(second), key, 200)).toEqual(passed);
      const attempts = await json<{ attempts: { lang: string; passed: boolean }[] }>(`/api/quizzes/${MODULE}/attempts`, 'greta');
      expect(attempts.attempts.map((attempt) => [attempt.lang, attempt.passed])).toEqual([
        ['de', false],
        ['de', true],
      ]);
      for (const lesson of LESSONS) await json(`/api/me/lessons/${MODULE}/${lesson}`, 'greta', { method: 'POST' });
      const progress = (
        await json<{ modules: { module: string; status: string; attempts: { lang: string }[] }[] }>('/api/me/training', 'greta')
      ).modules.find((module) => module.module === MODULE);
      expect(progress).toMatchObject({ status: 'passed', attempts: [{ lang: 'de' }, { lang: 'de' }] });
    },
  );

  it.skipIf(!database.available)('shows the quiz and the results pages in the attempt’s language', async () => {
    const page = await (await call(`/quiz/${MODULE}/?again=1&lang=de`, 'greta')).text();
    expect(page).toContain('<ol class="quiz-questions" lang="de"');
    expect(page).toContain('Dieses Quiz in einer anderen Sprache:');
    const [last] = (await json<{ attempts: { attemptId: string }[] }>(`/api/quizzes/${MODULE}/attempts`, 'greta')).attempts.slice(-1);
    const results = await (await call(`/quiz/${MODULE}/results/${last?.attemptId}/`, 'greta')).text();
    expect(results).toContain('Sprache dieses Versuchs: Deutsch.');
    expect(results).toContain('href="/de/training/handling-complaints/"');
  });

  it.skipIf(!database.available)(
    'counts a German and an English attempt in the same question statistics, and reports each attempt’s language',
    async () => {
      const quiz = await json<Quiz>(`/api/quizzes/${MODULE}`, 'eddie');
      expect(quiz.lang).toBe('en');
      expect(quiz.questions.map((question) => question.prompt)).toEqual(
        quiz.questions.map((question) => ORIGINAL?.questions.find((candidate) => candidate.id === question.id)?.prompt),
      );
      await submit('eddie', wrongAnswers(quiz));
      drawn.push({ en: quiz.questions.map((question) => question.id) });

      const statistics = await json<{
        attempts: number;
        attemptsByLanguage: { lang: string; attempts: number }[];
        questions: { id: string; attempts: number }[];
      }>(`/api/reports/training/questions?module=${MODULE}`, 'manager');
      expect(statistics.attempts).toBe(3);
      expect(statistics.attemptsByLanguage).toEqual([
        { lang: 'de', attempts: 2 },
        { lang: 'en', attempts: 1 },
      ]);
      const shared = ORIGINAL?.questions
        .map((question) => question.id)
        .find((id) => drawn.every((attempt) => Object.values(attempt)[0]?.includes(id)));
      expect(shared, 'a question all three attempts drew').toBeDefined();
      for (const question of statistics.questions) {
        expect(question.attempts, question.id).toBe(drawn.filter((attempt) => Object.values(attempt)[0]?.includes(question.id)).length);
      }
      expect(statistics.questions.find((question) => question.id === shared)?.attempts).toBe(3);

      const report = await json<{ rows: { person: { email: string }; progress: { attempts: { lang: string }[] } }[] }>(
        `/api/reports/training?module=${MODULE}`,
        'manager',
      );
      const langs = (email: string) =>
        report.rows.find((row) => row.person.email === email)?.progress.attempts.map((attempt) => attempt.lang);
      expect(langs('greta@sample.example')).toEqual(['de', 'de']);
      expect(langs('eddie@sample.example')).toEqual(['en']);

      const csv = (await (await call(`/api/reports/training?module=${MODULE}&format=csv`, 'manager')).text()).trim().split(/\r?\n/);
      const column = csv[0]?.split(',').indexOf('attempt_languages') ?? -1;
      expect(column).toBeGreaterThan(-1);
      expect(csv.find((line) => line.includes('greta@sample.example'))?.split(',')[column]).toBe('de; de');

      const completions = (await (await call(`/api/reports/training/completions?module=${MODULE}`, 'manager')).text())
        .trim()
        .split(/\r?\n/);
      expect(completions[0]).toBe('name,email,module,module_version,quiz_version,score,completed_at,attempt_id,attempt_lang');
      expect(completions.find((line) => line.includes('greta@sample.example'))?.endsWith(',de')).toBe(true);
      const records = (await (await call(`/api/reports/training/completions?module=${MODULE}&format=jsonl`, 'manager')).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { email: string; attemptLang: string });
      expect(records.find((record) => record.email === 'greta@sample.example')?.attemptLang).toBe('de');

      const page = await (await call(`/reports/training/?module=${MODULE}`, 'manager')).text();
      expect(page).toContain('Languages: Deutsch, Deutsch');
      const questionsPage = await (await call(`/reports/training/questions/?module=${MODULE}`, 'manager')).text();
      expect(questionsPage).toContain('Attempts by language: Deutsch 2, English 1.');
    },
  );
});
