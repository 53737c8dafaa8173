/**
 * Which questions an attempt gets, and in which order with which order of choices: drawn from
 * a seed, so the same seed gives the same attempt (the server stores what it drew, and tests
 * pin it). A quiz without `draw` gives every question; without `shuffle`, the file's order.
 */
import { createHash } from 'node:crypto';
import type { QuizDefinition } from './quiz-types.ts';

export interface DrawnQuestion {
  id: string;
  /** The choice ids in the order they are shown. */
  choices: string[];
}

/** A small, fast generator of numbers in [0, 1) from a seed (mulberry32). */
function generator(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

export function drawQuestions(quiz: Pick<QuizDefinition, 'questions' | 'draw' | 'shuffle'>, seed: string): DrawnQuestion[] {
  const random = generator(seed);
  const count = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
  // Which questions: a random subset when drawing; their order: shuffled, or the file's.
  const picked = count < quiz.questions.length ? new Set(shuffled(quiz.questions, random).slice(0, count)) : new Set(quiz.questions);
  const inFileOrder = quiz.questions.filter((question) => picked.has(question));
  const ordered = quiz.shuffle ? shuffled(inFileOrder, random) : inFileOrder;
  return ordered.map((question) => ({
    id: question.id,
    choices: (quiz.shuffle && question.type !== 'true-false' ? shuffled(question.choices, random) : question.choices).map(
      (choice) => choice.id,
    ),
  }));
}
