/**
 * Answering a quiz without reading it: strategies that go by what the API shows (where a choice
 * stands, its id), and how often blind guessing passes a quiz by luck, computed exactly, so a
 * test can tell a strategy that beats chance (the ids or the order give the key away) from one
 * that does not.
 */
import type { QuizDefinition, QuizQuestion } from '../../src/features/training/quiz-types.ts';
import type { ShownQuiz } from './quiz-answers.ts';

/** Which choice, by what the learner sees: where it is shown, or its id sorted. */
export type Position = 'first shown' | 'lowest id' | 'last shown';

export interface Strategy {
  name: string;
  single: Position;
  multiple: Position | 'every choice';
  trueFalse: Position | 'always true' | 'always false';
}

const POSITIONS: Position[] = ['first shown', 'lowest id', 'last shown'];

/** Every combination: one position for single-choice questions, then each rule for the other types. */
export const STRATEGIES: Strategy[] = POSITIONS.flatMap((position) =>
  ([position, 'every choice'] as const).flatMap((multiple) =>
    ([position, 'always true', 'always false'] as const).map((trueFalse) => ({
      name: `single: ${position}; multiple: ${multiple}; true-false: ${trueFalse}`,
      single: position,
      multiple,
      trueFalse,
    })),
  ),
);

function at(position: Position, choices: readonly { id: string }[]): string {
  if (position === 'first shown') return choices[0]?.id as string;
  if (position === 'last shown') return choices[choices.length - 1]?.id as string;
  return [...choices].map((choice) => choice.id).sort()[0] as string;
}

/** The strategy's answers to an attempt, as shown (English: True and False by their words). */
export function guess(quiz: ShownQuiz, strategy: Strategy): Record<string, string[]> {
  return Object.fromEntries(
    quiz.questions.map((question) => {
      if (question.type === 'multiple' && strategy.multiple === 'every choice')
        return [question.id, question.choices.map((choice) => choice.id)];
      if (question.type === 'true-false' && (strategy.trueFalse === 'always true' || strategy.trueFalse === 'always false')) {
        const text = strategy.trueFalse === 'always true' ? 'True' : 'False';
        return [question.id, [question.choices.find((choice) => choice.text === text)?.id as string]];
      }
      const rule = question.type === 'single' ? strategy.single : question.type === 'multiple' ? strategy.multiple : strategy.trueFalse;
      return [question.id, [at(rule as Position, question.choices)]];
    }),
  );
}

/** Marks -> probability. */
type Distribution = Map<number, number>;

function plus(one: Distribution, other: Distribution): Distribution {
  const sum: Distribution = new Map();
  for (const [a, p] of one)
    for (const [b, q] of other) {
      const key = Math.round((a + b) * 1e9) / 1e9;
      sum.set(key, (sum.get(key) ?? 0) + p * q);
    }
  return sum;
}

/**
 * The marks of one question under a strategy when what is shown says nothing about the key:
 * a position picks any choice alike where choices are shuffled or ids are sorted (true-false
 * keeps True first); an unshuffled quiz shows the file's order.
 */
function marksOf(question: QuizQuestion, strategy: Strategy, shuffle: boolean): Distribution {
  const right = question.choices.filter((choice) => choice.correct).length;
  const all = question.choices.length;
  const rule = question.type === 'single' ? strategy.single : question.type === 'multiple' ? strategy.multiple : strategy.trueFalse;
  const pickedMarks = question.type === 'multiple' ? 1 / right : 1;
  if (rule === 'every choice') return new Map([[Math.max(0, (right - (all - right)) / right), 1]]);
  const fixed = (id: string) => new Map([[question.choices.find((choice) => choice.id === id)?.correct ? pickedMarks : 0, 1]]);
  if (rule === 'always true') return fixed('true');
  if (rule === 'always false') return fixed('false');
  const inFileOrder = !shuffle || question.type === 'true-false';
  if (rule !== 'lowest id' && inFileOrder) return fixed(at(rule, question.choices));
  return new Map([
    [pickedMarks, right / all],
    [0, 1 - right / all],
  ]);
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, size - 1).map((subset) => [first, ...subset]), ...subsets(rest, size)];
}

/** How likely one attempt passes by this strategy alone, when ids and order carry nothing. */
export function chanceOfPassing(quiz: QuizDefinition, strategy: Strategy): number {
  const asked = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
  const draws = subsets(quiz.questions, asked);
  let pass = 0;
  for (const drawn of draws) {
    const marks = drawn.map((question) => marksOf(question, strategy, quiz.shuffle)).reduce(plus, new Map([[0, 1]]));
    for (const [total, probability] of marks) if ((total / asked) * 100 >= quiz.passMark - 1e-9) pass += probability / draws.length;
  }
  return pass;
}

/** The most passes in `attempts` that chance allows: more happen with a probability below `risk`. */
export function mostPassesByChance(attempts: number, chance: number, risk = 1e-6): number {
  let below = 0;
  for (let passes = 0; passes <= attempts; passes++) {
    below += binomial(attempts, passes) * chance ** passes * (1 - chance) ** (attempts - passes);
    if (1 - below < risk) return passes;
  }
  return attempts;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let index = 1; index <= k; index++) result = (result * (n - k + index)) / index;
  return result;
}
