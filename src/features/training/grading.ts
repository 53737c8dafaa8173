/**
 * Grading, on the server only: each question is worth one mark. A single-choice or true-false
 * question scores 1 for its correct choice and 0 otherwise. A multiple-choice question gives
 * partial marks: each correct choice ticked adds an equal share, each wrong one ticked takes a
 * share away, never below 0, so ticking everything scores nothing where wrong choices are as
 * many as right ones, or more.
 */
import type { QuizQuestion } from './quiz-types.ts';

export interface QuestionGrade {
  /** 0 to 1. */
  score: number;
  correct: boolean;
}

export function gradeQuestion(question: QuizQuestion, chosen: readonly string[]): QuestionGrade {
  const picked = new Set(chosen);
  const rightIds = question.choices.filter((choice) => choice.correct).map((choice) => choice.id);
  if (question.type !== 'multiple') {
    const correct = picked.size === 1 && rightIds.includes([...picked][0] as string);
    return { score: correct ? 1 : 0, correct };
  }
  const hits = rightIds.filter((id) => picked.has(id)).length;
  const misses = [...picked].filter((id) => !rightIds.includes(id)).length;
  const score = Math.max(0, (hits - misses) / rightIds.length);
  return { score, correct: score === 1 };
}

/** The attempt's score in percent of the marks, rounded to a tenth, and whether it passes. */
export function totalScore(grades: readonly QuestionGrade[], passMark: number): { score: number; passed: boolean } {
  const marks = grades.reduce((sum, grade) => sum + grade.score, 0);
  const percent = grades.length === 0 ? 0 : (marks / grades.length) * 100;
  return { score: Math.round(percent * 10) / 10, passed: percent >= passMark };
}
