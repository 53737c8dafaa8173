import { describe, expect, it } from 'vitest';
import { type GradedQuestion, questionForLearner, revealsAnswers } from '../../../src/features/training/learner-results.ts';

const graded = (score: number): GradedQuestion => ({
  id: 'refund-window',
  prompt: 'How long is the refund window?',
  score,
  chosen: ['k8jt6nps'],
  feedback: score === 1 ? [] : ['Fourteen days is the cooling-off period.'],
  explanation: 'Refunds are given within thirty days of purchase.',
  source: { href: '../content/policies/refunds.md#refund-window', url: '/policies/refunds/', anchor: 'refund-window' },
  rightChoices: ['e3ru7wqb'],
  choices: [
    { id: 'k8jt6nps', text: 'Fourteen days' },
    { id: 'e3ru7wqb', text: 'Thirty days' },
  ],
});

describe('what a learner sees of a graded question', () => {
  it('reveals the answers always, after a pass, or never', () => {
    expect([true, false].map((passed) => revealsAnswers('always', passed))).toEqual([true, true]);
    expect([true, false].map((passed) => revealsAnswers('after-pass', passed))).toEqual([true, false]);
    expect([true, false].map((passed) => revealsAnswers('never', passed))).toEqual([false, false]);
  });

  it('withholds the right choices and the explanation of a missed question until the answers are revealed', () => {
    const hidden = questionForLearner(graded(0), false);
    expect(hidden).toMatchObject({ correct: false, explanation: null, feedback: ['Fourteen days is the cooling-off period.'] });
    expect(hidden).not.toHaveProperty('rightChoices');
    expect(JSON.stringify(hidden)).not.toContain('thirty days');
    // A multiple-choice question partly right is not right: its explanation would complete the key.
    expect(questionForLearner(graded(0.5), false).explanation).toBeNull();
    expect(questionForLearner(graded(0), true)).toMatchObject({
      explanation: 'Refunds are given within thirty days of purchase.',
      rightChoices: ['e3ru7wqb'],
    });
  });

  it('explains a question answered right: the learner knows its answer already', () => {
    const right = questionForLearner(graded(1), false);
    expect(right).toMatchObject({ correct: true, explanation: 'Refunds are given within thirty days of purchase.', feedback: [] });
    expect(right).not.toHaveProperty('rightChoices');
  });
});
