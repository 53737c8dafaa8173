import { describe, expect, it } from 'vitest';
import { defaultQuizzesDir, quizFileLabel, resolveQuizzesDir } from '../../../src/features/training/quizzes-dir.ts';

describe('resolveQuizzesDir', () => {
  it('is the quizzes folder beside the content folder by default', () => {
    expect(defaultQuizzesDir('/srv/handbook/content')).toBe('/srv/handbook/quizzes');
    expect(defaultQuizzesDir('/srv/handbook/content/')).toBe('/srv/handbook/quizzes');
    expect(resolveQuizzesDir('/app', '/srv/handbook/content', {})).toBe('/srv/handbook/quizzes');
    expect(resolveQuizzesDir('/app', '/srv/handbook/content', { KNOWHOW_QUIZZES_DIR: '  ' })).toBe('/srv/handbook/quizzes');
  });

  it('takes KNOWHOW_QUIZZES_DIR, absolute or relative to the project root', () => {
    expect(resolveQuizzesDir('/app', '/srv/handbook/content', { KNOWHOW_QUIZZES_DIR: '/srv/training/quizzes' })).toBe(
      '/srv/training/quizzes',
    );
    expect(resolveQuizzesDir('/app', '/srv/handbook/content', { KNOWHOW_QUIZZES_DIR: '../training' })).toBe('/training');
    expect(resolveQuizzesDir('/app', '/srv/handbook/content', { KNOWHOW_QUIZZES_DIR: 'quizzes' })).toBe('/app/quizzes');
  });
});

describe('quizFileLabel', () => {
  it("names a quiz file relative to the content folder's parent", () => {
    expect(quizFileLabel('/srv/handbook/content', '/srv/handbook/quizzes/new-agent-onboarding.yaml')).toBe(
      'quizzes/new-agent-onboarding.yaml',
    );
    expect(quizFileLabel('/srv/handbook/content', '/srv/training/basics.yaml')).toBe('../training/basics.yaml');
  });
});
