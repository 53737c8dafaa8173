/**
 * The two names of a choice in an attempt: the id the learner was shown (random, this attempt's
 * only: draw.ts) and the author's id, which answers are stored, graded and counted by. Learners
 * answer with the first; everything kept is in the second, so statistics, translations, reports
 * and exports never see the ids an attempt handed out.
 */
import type { DrawnChoice, DrawnQuestion } from './draw.ts';
import type { QuestionType } from './quiz-types.ts';

/**
 * An attempt's draw as the database keeps it. Attempts drawn before choices had ids of their own
 * list the author's ids, and showed them: their shown id is the author's.
 */
export function readDraw(stored: string): DrawnQuestion[] {
  const questions = JSON.parse(stored) as { id: string; choices: (string | DrawnChoice)[] }[];
  return questions.map((question) => ({
    id: question.id,
    choices: question.choices.map((choice) => (typeof choice === 'string' ? { id: choice, shown: choice } : choice)),
  }));
}

/** The ids the learner was shown for `authorIds`, in the order given; an id the draw does not have is left out. */
export function shownIds(question: DrawnQuestion, authorIds: readonly string[]): string[] {
  const shown = new Map(question.choices.map((choice) => [choice.id, choice.shown]));
  return authorIds.flatMap((id) => shown.get(id) ?? []);
}

export type AnswerCheck = { answers: Record<string, string[]> } | { fields: Record<string, string> };

/**
 * A submission's answers, given in the ids shown, in the author's ids; or, field by field, what
 * does not fit the attempt. Messages name only ids the learner was given (or sent).
 */
export function authorAnswers(
  drawn: readonly DrawnQuestion[],
  typeOf: (questionId: string) => QuestionType | undefined,
  answers: Record<string, string[]>,
): AnswerCheck {
  const fields: Record<string, string> = {};
  const byAuthor: Record<string, string[]> = {};
  const byId = new Map(drawn.map((question) => [question.id, question]));
  for (const [questionId, chosen] of Object.entries(answers)) {
    const question = byId.get(questionId);
    const type = typeOf(questionId);
    const field = `answers.${questionId}`;
    if (!question || !type) {
      fields[field] = 'is not a question of this attempt';
      continue;
    }
    const authorOf = new Map(question.choices.map((choice) => [choice.shown, choice.id]));
    const unknown = chosen.filter((id) => !authorOf.has(id));
    if (unknown.length > 0)
      fields[field] =
        `${unknown.join(', ')} is not a choice of this question in this attempt; its choices are ${question.choices.map((choice) => choice.shown).join(', ')}`;
    else if (type !== 'multiple' && chosen.length > 1) fields[field] = 'choose one answer for this question';
    else if (new Set(chosen).size !== chosen.length) fields[field] = 'name each choice once';
    else byAuthor[questionId] = chosen.map((id) => authorOf.get(id) as string);
  }
  return Object.keys(fields).length > 0 ? { fields } : { answers: byAuthor };
}
