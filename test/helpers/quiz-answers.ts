/**
 * Answering a quiz as the API hands it out, knowing the answer key: the ids an attempt shows are
 * its own, so the key's choices are found by their words in the attempt's language, as a learner
 * who knows the answers finds them.
 */
import { join } from 'node:path';
import { readBuiltQuizzes } from '../../src/features/handbook/server/manifest.ts';
import { questionsIn } from '../../src/features/training/quiz-language.ts';
import type { QuizDefinition } from '../../src/features/training/quiz-types.ts';

/** A quiz as GET /api/quizzes/{module} gives it (the fields these helpers read). */
export interface ShownQuiz {
  lang?: string;
  questions: { id: string; type: string; choices: { id: string; text: string }[] }[];
}

/** The quizzes of a built site, answer keys and translations included, by module. */
export function builtQuiz(distDir: string, module: string): QuizDefinition {
  const quiz = readBuiltQuizzes(join(distDir, 'server')).find((candidate) => candidate.module === module);
  if (!quiz) throw new Error(`${distDir} has no quiz for ${module}`);
  return quiz;
}

/** The ids `quiz` shows for the author's choices `authorIds` of a question. */
export function shownIdsOf(quiz: ShownQuiz, key: QuizDefinition, questionId: string, authorIds: readonly string[]): string[] {
  const question = questionsIn(key, quiz.lang ?? key.lang).find((candidate) => candidate.id === questionId);
  const shown = quiz.questions.find((candidate) => candidate.id === questionId);
  if (!question || !shown) throw new Error(`${questionId} is not in this attempt`);
  return authorIds.map((authorId) => {
    const text = question.choices.find((choice) => choice.id === authorId)?.text;
    const id = shown.choices.find((choice) => choice.text === text)?.id;
    if (!id) throw new Error(`${questionId}: no choice shown for ${authorId} (${text})`);
    return id;
  });
}

/** The answers to every question of the attempt: all right, or each one wrong choice. */
export function answersOf(quiz: ShownQuiz, key: QuizDefinition, which: 'right' | 'wrong'): Record<string, string[]> {
  return Object.fromEntries(
    quiz.questions.map((question) => {
      const choices = key.questions.find((candidate) => candidate.id === question.id)?.choices ?? [];
      const picked =
        which === 'right' ? choices.filter((choice) => choice.correct) : choices.filter((choice) => !choice.correct).slice(0, 1);
      return [
        question.id,
        shownIdsOf(
          quiz,
          key,
          question.id,
          picked.map((choice) => choice.id),
        ),
      ];
    }),
  );
}
