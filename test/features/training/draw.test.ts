import { describe, expect, it } from 'vitest';
import { type DrawnQuestion, drawQuestions, seededRandom } from '../../../src/features/training/draw.ts';
import { sampleQuiz } from '../../helpers/quiz.ts';

const authorIds = (question: DrawnQuestion | undefined) => question?.choices.map((choice) => choice.id);
const shownIds = (question: DrawnQuestion | undefined) => question?.choices.map((choice) => choice.shown) ?? [];

describe('drawQuestions', () => {
  it('gives every question in the file’s order without draw and shuffle', () => {
    const drawn = drawQuestions(sampleQuiz(), seededRandom('any seed'));
    expect(drawn.map((question) => question.id)).toEqual(['refund-window', 'verify-first', 'refund-methods', 'cooling-off']);
    expect(authorIds(drawn[0])).toEqual(['a', 'b', 'c']);
  });

  it('draws the same attempt from the same seed, and other attempts from others', () => {
    const quiz = sampleQuiz({ draw: 3, shuffle: true });
    const first = drawQuestions(quiz, seededRandom('attempt-1'));
    expect(drawQuestions(quiz, seededRandom('attempt-1'))).toEqual(first);
    expect(first).toHaveLength(3);
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 40; attempt++) {
      const drawn = drawQuestions(quiz, seededRandom(`attempt-${attempt}`));
      seen.add(JSON.stringify(drawn.map((question) => [question.id, authorIds(question)])));
    }
    expect(seen.size).toBeGreaterThan(20);
    // Every question is drawn sometimes; true-false keeps True before False.
    const drawn = new Set([...seen].flatMap((text) => (JSON.parse(text) as [string][]).map(([id]) => id)));
    expect(drawn.size).toBe(4);
    for (const text of seen) {
      const trueFalse = (JSON.parse(text) as [string, string[]][]).find(([id]) => id === 'cooling-off');
      if (trueFalse) expect(trueFalse[1]).toEqual(['true', 'false']);
    }
  });

  it('draws no more questions than the bank has', () => {
    expect(drawQuestions(sampleQuiz({ draw: 10 }), seededRandom('seed'))).toHaveLength(4);
  });

  it('gives each choice a random id of the attempt’s own: unique, never an author’s id, new each attempt', () => {
    const quiz = sampleQuiz();
    const drawn = drawQuestions(quiz);
    const ids = drawn.flatMap(shownIds);
    expect(ids).toHaveLength(11);
    for (const id of ids) expect(id).toMatch(/^[a-z2-9]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => ['a', 'b', 'c', 'true', 'false'].includes(id))).toEqual([]);
    // The server draws from crypto: two attempts share no id.
    const again = drawQuestions(quiz).flatMap(shownIds);
    expect(again.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('says nothing about the key by the ids’ order: the right choice has the lowest id about as often as any other', () => {
    // refund-window's right choice is the file's first (a), as authors tend to write it.
    const lowest = { a: 0, b: 0, c: 0 } as Record<string, number>;
    const draws = 3000;
    for (let attempt = 0; attempt < draws; attempt++) {
      const question = drawQuestions(sampleQuiz(), seededRandom(`order-${attempt}`))[0] as DrawnQuestion;
      const sorted = [...question.choices].sort((one, other) => (one.shown < other.shown ? -1 : 1));
      lowest[sorted[0]?.id as string] = (lowest[sorted[0]?.id as string] ?? 0) + 1;
    }
    // A third each, give or take: 1000 ± 5 standard deviations (about 26).
    for (const count of Object.values(lowest)) expect(Math.abs(count - draws / 3)).toBeLessThan(130);
  });

  it('shows a shuffled quiz’s choices in a new order each attempt, the right one first about as often as any other', () => {
    const quiz = sampleQuiz({ shuffle: true });
    const first = { a: 0, b: 0, c: 0 } as Record<string, number>;
    const draws = 3000;
    for (let attempt = 0; attempt < draws; attempt++) {
      const question = drawQuestions(quiz, seededRandom(`shuffle-${attempt}`)).find((candidate) => candidate.id === 'refund-window');
      const id = question?.choices[0]?.id as string;
      first[id] = (first[id] ?? 0) + 1;
    }
    for (const count of Object.values(first)) expect(Math.abs(count - draws / 3)).toBeLessThan(130);
  });
});
