import { describe, expect, it } from 'vitest';
import { gradeQuestion, totalScore } from '../../../src/features/training/grading.ts';
import { sampleQuiz } from '../../helpers/quiz.ts';

const [single, , multiple, trueFalse] = sampleQuiz().questions as [never, never, never, never];

describe('gradeQuestion', () => {
  it('marks a single-choice or true-false question right only for its one correct choice', () => {
    expect(gradeQuestion(single, ['a'])).toEqual({ score: 1, correct: true });
    expect(gradeQuestion(single, ['b'])).toEqual({ score: 0, correct: false });
    expect(gradeQuestion(single, ['a', 'b'])).toEqual({ score: 0, correct: false });
    expect(gradeQuestion(single, [])).toEqual({ score: 0, correct: false });
    expect(gradeQuestion(trueFalse, ['true'])).toEqual({ score: 1, correct: true });
    expect(gradeQuestion(trueFalse, ['false'])).toEqual({ score: 0, correct: false });
  });

  it('gives partial marks on a multiple-choice question, never below nothing', () => {
    expect(gradeQuestion(multiple, ['a', 'b'])).toEqual({ score: 1, correct: true });
    expect(gradeQuestion(multiple, ['b'])).toEqual({ score: 0.5, correct: false });
    expect(gradeQuestion(multiple, ['a', 'c'])).toEqual({ score: 0, correct: false });
    expect(gradeQuestion(multiple, ['a', 'b', 'c'])).toEqual({ score: 0.5, correct: false });
    expect(gradeQuestion(multiple, ['c'])).toEqual({ score: 0, correct: false });
  });
});

describe('totalScore', () => {
  it('is the percent of the marks, passing at the pass mark', () => {
    const grades = [
      { score: 1, correct: true },
      { score: 1, correct: true },
      { score: 0.5, correct: false },
      { score: 0, correct: false },
    ];
    expect(totalScore(grades, 62.5)).toEqual({ score: 62.5, passed: true });
    expect(totalScore(grades, 63)).toEqual({ score: 62.5, passed: false });
    expect(
      totalScore(
        [
          { score: 1, correct: true },
          { score: 1, correct: true },
          { score: 0, correct: false },
        ],
        0,
      ),
    ).toEqual({ score: 66.7, passed: true });
  });
});
