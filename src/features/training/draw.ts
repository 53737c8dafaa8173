/**
 * Which questions an attempt gets, in which order, with which order of choices, and the id the
 * learner sees for each choice. A quiz without `draw` gives every question; without `shuffle`,
 * the file's order. The server stores what it drew, so an attempt is drawn once.
 *
 * The ids a learner sees are random and new for every attempt: the author's ids (a, b, c... by
 * position, and authors tend to put the right answer first) never leave the server. Nothing the
 * learner can know may predict a draw: the server draws from crypto, not from a seed such as the
 * attempt's id (the attempt's id is handed out, and the shuffle is open source, so it would give
 * the file's order away). Tests pass `seededRandom` to pin a draw.
 */
import { createHash, randomInt } from 'node:crypto';
import type { QuizDefinition } from './quiz-types.ts';

export interface DrawnChoice {
  /** The author's id: what answers are stored, graded and counted by. */
  id: string;
  /** The id the learner sees and answers with, this attempt only. */
  shown: string;
}

export interface DrawnQuestion {
  id: string;
  /** In the order they are shown. */
  choices: DrawnChoice[];
}

/** Numbers in [0, 1). */
export type Random = () => number;

/** The server's: unpredictable. */
export const secureRandom: Random = () => randomInt(2 ** 48 - 1) / 2 ** 48;

/** A small, fast generator of numbers in [0, 1) from a seed (mulberry32), for tests that pin a draw. */
export function seededRandom(seed: string): Random {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i): safe in forms, field names and URLs. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ID_LENGTH = 8;

function randomId(random: Random): string {
  let id = '';
  for (let index = 0; index < ID_LENGTH; index++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return id;
}

export function drawQuestions(
  quiz: Pick<QuizDefinition, 'questions' | 'draw' | 'shuffle'>,
  random: Random = secureRandom,
): DrawnQuestion[] {
  const count = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
  // Which questions: a random subset when drawing; their order: shuffled, or the file's.
  const picked = count < quiz.questions.length ? new Set(shuffled(quiz.questions, random).slice(0, count)) : new Set(quiz.questions);
  const inFileOrder = quiz.questions.filter((question) => picked.has(question));
  const ordered = quiz.shuffle ? shuffled(inFileOrder, random) : inFileOrder;
  // Unique in the attempt, and never one of the author's ids, so neither can be taken for the other.
  const taken = new Set(quiz.questions.flatMap((question) => question.choices.map((choice) => choice.id)));
  const newId = () => {
    let id = randomId(random);
    while (taken.has(id)) id = randomId(random);
    taken.add(id);
    return id;
  };
  return ordered.map((question) => ({
    id: question.id,
    // True and False keep their order: their words say which is which.
    choices: (quiz.shuffle && question.type !== 'true-false' ? shuffled(question.choices, random) : question.choices).map((choice) => ({
      id: choice.id,
      shown: newId(),
    })),
  }));
}
