/**
 * What a learner may see of a graded question: the one rule behind both the attempt API and
 * the results page, so neither can show what the other withholds. Whether each question was
 * right, the learner's own answers, the feedback on the wrong choices they made and the section
 * to reread are always theirs. The key is not: the right choices, and the explanation of a
 * question they did not get right (it says what the right answer is), only where the quiz's
 * `reveal` allows.
 */
import type { QuizSource, RevealMode } from './quiz-types.ts';

/** Whether results show the right answers: always, once a pass is on record, or never. */
export function revealsAnswers(reveal: RevealMode, passedByThen: boolean): boolean {
  return reveal === 'always' || (reveal === 'after-pass' && passedByThen);
}

/** A graded question, everything known: choice ids are the ones the learner was shown. */
export interface GradedQuestion {
  id: string;
  prompt: string;
  /** 0 to 1. */
  score: number;
  chosen: string[];
  /** The feedback of the wrong choices the learner made. */
  feedback: string[];
  explanation: string | null;
  source: QuizSource | null;
  rightChoices: string[];
  choices: { id: string; text: string }[];
}

export interface QuestionResult {
  id: string;
  prompt: string;
  correct: boolean;
  /** 0 to 1. */
  score: number;
  chosen: string[];
  feedback: string[];
  /** Only for a question answered right, or where the quiz's `reveal` allows. */
  explanation: string | null;
  source: QuizSource | null;
  /** Only where the quiz's `reveal` allows. */
  rightChoices?: string[];
  choices: { id: string; text: string }[];
}

export function questionForLearner(question: GradedQuestion, revealed: boolean): QuestionResult {
  const correct = question.score === 1;
  return {
    id: question.id,
    prompt: question.prompt,
    correct,
    score: question.score,
    chosen: question.chosen,
    feedback: question.feedback,
    explanation: correct || revealed ? question.explanation : null,
    source: question.source,
    ...(revealed ? { rightChoices: question.rightChoices } : {}),
    choices: question.choices,
  };
}
