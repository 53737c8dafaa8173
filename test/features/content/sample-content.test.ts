/**
 * The sample content (content/ and quizzes/, what `npm start` serves) passes its own check, and
 * each training module has an assignment and a quiz as an author should write one.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../../src/features/handbook/load-site.ts';
import { trainingModules } from '../../../src/features/training/modules.ts';
import { PROJECT_ROOT, SAMPLE_CONTENT } from '../../helpers/fixture-site.ts';

const site = loadSite(SAMPLE_CONTENT);

describe('the sample content', () => {
  it('passes npm run check:content, quizzes included', () => {
    const result = spawnSync(process.execPath, ['cli/check-content.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, KNOWHOW_CONTENT_DIR: '', KNOWHOW_QUIZZES_DIR: '' },
    });
    expect(result.stdout).toContain('and 3 quizzes in');
    expect(result.stdout).toContain('0 errors, 0 warnings');
    expect(result.status).toBe(0);
  });

  it('assigns each training module and gives it a quiz', () => {
    const modules = trainingModules(site, site.quizzes);
    expect(modules.map((module) => [module.id, module.assignTo, module.dueWithinDays, module.quiz?.file]).sort()).toEqual([
      ['data-protection-essentials', ['agent', 'team-lead'], 30, 'quizzes/data-protection-essentials.yaml'],
      ['handling-complaints', ['agent'], 21, 'quizzes/handling-complaints.yaml'],
      ['new-agent-onboarding', ['new-hire'], 14, 'quizzes/new-agent-onboarding.yaml'],
    ]);
  });

  it.each(site.quizzes.map((quiz) => [quiz.module, quiz] as const))('has a quiz for %s as an author should write one', (_module, quiz) => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6);
    // Six to twelve questions an attempt; a bank to draw from may hold a few more.
    expect(quiz.draw ?? quiz.questions.length).toBeLessThanOrEqual(12);
    expect(quiz.questions.length).toBeLessThanOrEqual(15);
    expect(new Set(quiz.questions.map((question) => question.type))).toEqual(new Set(['single', 'multiple', 'true-false']));
    for (const question of quiz.questions) {
      expect(question.explanation, question.id).toBeTruthy();
      expect(question.source?.url, question.id).toMatch(/^\/(policies|procedures)\//);
      expect(question.source?.anchor, question.id).toBeTruthy();
      const wrong = question.choices.filter((choice) => !choice.correct);
      expect(
        wrong.every((choice) => choice.feedback),
        `${question.id}: feedback on every wrong choice`,
      ).toBe(true);
    }
  });

  it.each(site.quizzes.map((quiz) => [quiz.module, quiz] as const))(
    'hides no key in the order of the choices of %s: the right answer is neither usually first nor usually last',
    (_module, quiz) => {
      const single = quiz.questions.filter((question) => question.type === 'single');
      const rightAt = (index: (count: number) => number) =>
        single.filter((question) => question.choices[index(question.choices.length)]?.correct).length / single.length;
      expect(
        rightAt(() => 0),
        'right answer first',
      ).toBeLessThanOrEqual(0.4);
      expect(
        rightAt((count) => count - 1),
        'right answer last',
      ).toBeLessThanOrEqual(0.4);
      for (const question of quiz.questions.filter((candidate) => candidate.type === 'multiple')) {
        const right = question.choices.filter((choice) => choice.correct).length;
        const rightOnTop = question.choices.slice(0, right).every((choice) => choice.correct);
        const rightBelow = question.choices.slice(-right).every((choice) => choice.correct);
        expect(rightOnTop || rightBelow, `${question.id}: the right choices all together, at the top or the bottom`).toBe(false);
      }
    },
  );

  it.each(site.quizzes.map((quiz) => [quiz.module, quiz] as const))(
    'has as many true-false questions of %s answered True as False: neither "always true" nor "always false" pays',
    (_module, quiz) => {
      const answers = quiz.questions
        .filter((question) => question.type === 'true-false')
        .map((question) => question.choices.find((choice) => choice.correct)?.id);
      expect(answers.filter((answer) => answer === 'true').length).toBe(answers.filter((answer) => answer === 'false').length);
    },
  );
});
