/**
 * A quiz's version: attempts record it, so a result can say which answer key graded it. It
 * covers only what grading depends on (the pass mark, how many questions are drawn, and each
 * question's id, type, prompt, choices and right answers), so rewording feedback or an
 * explanation, or moving questions around, keeps the version and the results comparable.
 */
import { createHash } from 'node:crypto';
import type { QuizQuestion } from './quiz-types.ts';

export function quizVersion(quiz: { passMark: number; draw?: number | undefined; questions: readonly QuizQuestion[] }): string {
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const graded = {
    passMark: quiz.passMark,
    draw: quiz.draw ?? null,
    questions: byId(quiz.questions).map((question) => [
      question.id,
      question.type,
      question.prompt,
      byId(question.choices).map((choice) => [choice.id, choice.text, choice.correct]),
    ]),
  };
  return createHash('sha256').update(JSON.stringify(graded)).digest('hex').slice(0, 12);
}
