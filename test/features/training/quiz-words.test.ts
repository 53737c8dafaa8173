/** The version of a quiz's words, which translations record: it follows the words, not the answer key or the settings. */
import { describe, expect, it } from 'vitest';
import { parseQuizFile } from '../../../src/features/training/quiz-file.ts';
import { quizWordsVersion } from '../../../src/features/training/quiz-words.ts';

const QUIZ = `# The quiz of basics.
module: basics
passMark: 75
attempts: 2
questions:
  - id: two-details
    prompt: How many security details does a caller need?
    choices:
      - text: Two
        correct: true
      - text: One
        feedback: One detail is not enough.
    explanation: Full name and two security details.
    source: ../content/policies/identity-verification.md#standard-verification
  - id: three-attempts
    prompt: After three failed attempts, you stop the conversation.
    answer: true
    feedback: Three failed attempts end the call.
`;

const wordsOf = (source: string) => {
  const { quiz, problems } = parseQuizFile('quizzes/basics.yaml', source);
  expect(problems).toEqual([]);
  return quizWordsVersion(quiz?.questions ?? []);
};
const original = wordsOf(QUIZ);

describe('quizWordsVersion', () => {
  it('is a short hash', () => {
    expect(original).toMatch(/^[0-9a-f]{12}$/);
  });

  it.each([
    ['a prompt', 'How many security details does a caller need?', 'How many security questions does a caller answer?'],
    ['a choice', '- text: One', '- text: Just one'],
    ["a choice's feedback", 'One detail is not enough.', 'One is too few.'],
    ['an explanation', 'Full name and two security details.', 'The full name and two details.'],
    ["a true-false question's feedback", 'Three failed attempts end the call.', 'After three, the call ends.'],
    ['a question id', 'id: three-attempts', 'id: failed-attempts'],
    ['a choice id', '- text: One', '- id: one\n        text: One'],
  ])('changes with %s', (_what, before, after) => {
    expect(QUIZ).toContain(before);
    expect(wordsOf(QUIZ.replace(before, after))).not.toBe(original);
  });

  it.each([
    ['the answer key', '        correct: true\n      - text: One', '      - text: One\n        correct: true'],
    ["a true-false question's answer", 'answer: true', 'answer: false'],
    ['the pass mark and attempts', 'passMark: 75\nattempts: 2', 'passMark: 90\nattempts: 5\ndraw: 1\nshuffle: true'],
    ['comments and spacing', '# The quiz of basics.', '# The quiz of training/basics, checked by L&D.\n'],
    ['a source', '#standard-verification', '#failed-verification'],
  ])('keeps with %s', (_what, before, after) => {
    expect(QUIZ).toContain(before);
    expect(wordsOf(QUIZ.replace(before, after))).toBe(original);
  });

  it('keeps when questions move', () => {
    const [head, first, second] = QUIZ.split(/(?= {2}- id: )/);
    expect(wordsOf(`${head}${second}${first?.replace(/\n?$/, '\n')}`)).toBe(original);
  });
});
