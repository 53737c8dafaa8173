import { describe, expect, it } from 'vitest';
import { drawQuestions } from '../../src/lib/training/draw.ts';
import { sampleQuiz } from '../helpers/quiz.ts';

describe('drawQuestions', () => {
  it('gives every question in the file’s order without draw and shuffle', () => {
    expect(drawQuestions(sampleQuiz(), 'any seed').map((question) => question.id)).toEqual([
      'refund-window',
      'verify-first',
      'refund-methods',
      'cooling-off',
    ]);
    expect(drawQuestions(sampleQuiz(), 'any seed')[0]?.choices).toEqual(['a', 'b', 'c']);
  });

  it('draws the same attempt from the same seed, and other attempts from others', () => {
    const quiz = sampleQuiz({ draw: 3, shuffle: true });
    const first = drawQuestions(quiz, 'attempt-1');
    expect(drawQuestions(quiz, 'attempt-1')).toEqual(first);
    expect(first).toHaveLength(3);
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 40; attempt++) seen.add(JSON.stringify(drawQuestions(quiz, `attempt-${attempt}`)));
    expect(seen.size).toBeGreaterThan(20);
    // Every question is drawn sometimes; true-false keeps True before False.
    const drawn = new Set([...seen].flatMap((text) => (JSON.parse(text) as { id: string }[]).map((question) => question.id)));
    expect(drawn.size).toBe(4);
    for (const text of seen) {
      const trueFalse = (JSON.parse(text) as { id: string; choices: string[] }[]).find((question) => question.id === 'cooling-off');
      if (trueFalse) expect(trueFalse.choices).toEqual(['true', 'false']);
    }
  });

  it('draws no more questions than the bank has', () => {
    expect(drawQuestions(sampleQuiz({ draw: 10 }), 'seed')).toHaveLength(4);
  });
});
