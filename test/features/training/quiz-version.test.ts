import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/features/training/quiz-types.ts';
import { quizVersion } from '../../../src/features/training/quiz-version.ts';

const question = (overrides: Partial<QuizQuestion> = {}): QuizQuestion => ({
  id: 'verify-before-change',
  type: 'single',
  prompt: 'A caller asks to change the email address on the account. What do you do first?',
  choices: [
    { id: 'a', text: 'Verify the caller', correct: true },
    { id: 'b', text: 'Make the change', correct: false, feedback: 'A confirmation comes too late.' },
  ],
  explanation: 'Any change to contact details needs a verified caller first.',
  source: { href: '../content/policies/identity-verification.md', url: '/policies/identity-verification/' },
  ...overrides,
});
const other: QuizQuestion = {
  id: 'pin-hints',
  type: 'true-false',
  prompt: 'You may give a hint about the PIN.',
  choices: [
    { id: 'true', text: 'True', correct: false },
    { id: 'false', text: 'False', correct: true },
  ],
};
const base = { passMark: 80, questions: [question(), other] };
const version = quizVersion(base);

describe('quizVersion', () => {
  it('is 12 hex digits, the same for the same quiz', () => {
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(quizVersion({ passMark: 80, questions: [question(), other] })).toBe(version);
  });

  it('changes with the answer key and everything else that is graded', () => {
    const changed = [
      { ...base, passMark: 70 },
      { ...base, draw: 1 },
      { ...base, questions: [question({ id: 'verify-first' }), other] },
      { ...base, questions: [question({ type: 'multiple' }), other] },
      { ...base, questions: [question({ prompt: 'What do you do first?' }), other] },
      {
        ...base,
        questions: [
          question({
            choices: [
              { id: 'a', text: 'Verify the caller', correct: false },
              { id: 'b', text: 'Make the change', correct: true },
            ],
          }),
          other,
        ],
      },
      { ...base, questions: [question({ choices: [{ id: 'a', text: 'Verify the caller first', correct: true }] }), other] },
      { ...base, questions: [question()] },
    ];
    for (const quiz of changed) expect(quizVersion(quiz)).not.toBe(version);
  });

  it('stays the same when feedback, explanations or sources are reworded, or questions move', () => {
    const reworded = question({
      choices: [
        { id: 'a', text: 'Verify the caller', correct: true, feedback: 'Right: verification comes first.' },
        { id: 'b', text: 'Make the change', correct: false, feedback: 'Too late: the change is already made.' },
      ],
      explanation: 'Verify first, then change.',
      source: {
        href: '../content/policies/identity-verification.md#why-we-verify',
        url: '/policies/identity-verification/',
        anchor: 'why-we-verify',
      },
    });
    expect(quizVersion({ passMark: 80, questions: [reworded, other] })).toBe(version);
    expect(quizVersion({ passMark: 80, questions: [other, question()] })).toBe(version);
  });
});
