import { describe, expect, it } from 'vitest';
import { authorAnswers, readDraw, shownIds } from '../../../src/features/training/choice-ids.ts';
import type { DrawnQuestion } from '../../../src/features/training/draw.ts';
import { sampleQuiz } from '../../helpers/quiz.ts';

const quiz = sampleQuiz();
const typeOf = (id: string) => quiz.questions.find((question) => question.id === id)?.type;

/** A draw of two questions, as the server stores it now. */
const DRAWN: DrawnQuestion[] = [
  {
    id: 'refund-window',
    choices: [
      { id: 'c', shown: 'q7kx3mza' },
      { id: 'a', shown: 'b2np8rtc' },
      { id: 'b', shown: 'h4vw9yde' },
    ],
  },
  {
    id: 'refund-methods',
    choices: [
      { id: 'b', shown: 'x5cm2fgh' },
      { id: 'c', shown: 'k8jt6nps' },
      { id: 'a', shown: 'e3ru7wqb' },
    ],
  },
];

describe('choice ids', () => {
  it('reads a stored draw, and one stored before choices had ids of their own as shown in the author’s', () => {
    expect(readDraw(JSON.stringify(DRAWN))).toEqual(DRAWN);
    expect(readDraw(JSON.stringify([{ id: 'cooling-off', choices: ['true', 'false'] }]))).toEqual([
      {
        id: 'cooling-off',
        choices: [
          { id: 'true', shown: 'true' },
          { id: 'false', shown: 'false' },
        ],
      },
    ]);
  });

  it('maps the ids shown to the author’s, to store and grade, and back, to show', () => {
    expect(authorAnswers(DRAWN, typeOf, { 'refund-window': ['b2np8rtc'], 'refund-methods': ['e3ru7wqb', 'x5cm2fgh'] })).toEqual({
      answers: { 'refund-window': ['a'], 'refund-methods': ['a', 'b'] },
    });
    expect(shownIds(DRAWN[1] as DrawnQuestion, ['a', 'b'])).toEqual(['e3ru7wqb', 'x5cm2fgh']);
    expect(shownIds(DRAWN[1] as DrawnQuestion, ['gone'])).toEqual([]);
  });

  it('refuses an id the attempt did not show, the author’s included, naming only the ids it showed', () => {
    const checked = authorAnswers(DRAWN, typeOf, {
      'refund-window': ['a'],
      'refund-methods': ['e3ru7wqb', 'q7kx3mza'],
      'verify-first': ['a'],
    });
    expect(checked).toMatchInlineSnapshot(`
      {
        "fields": {
          "answers.refund-methods": "q7kx3mza is not a choice of this question in this attempt; its choices are x5cm2fgh, k8jt6nps, e3ru7wqb",
          "answers.refund-window": "a is not a choice of this question in this attempt; its choices are q7kx3mza, b2np8rtc, h4vw9yde",
          "answers.verify-first": "is not a question of this attempt",
        },
      }
    `);
    expect(
      authorAnswers(DRAWN, typeOf, { 'refund-window': ['q7kx3mza', 'b2np8rtc'], 'refund-methods': ['x5cm2fgh', 'x5cm2fgh'] }),
    ).toMatchInlineSnapshot(`
      {
        "fields": {
          "answers.refund-methods": "name each choice once",
          "answers.refund-window": "choose one answer for this question",
        },
      }
    `);
  });

  it('takes the author’s ids on an attempt drawn before choices had ids of their own: they were what it showed', () => {
    const legacy = readDraw(JSON.stringify([{ id: 'refund-window', choices: ['a', 'b', 'c'] }]));
    expect(authorAnswers(legacy, typeOf, { 'refund-window': ['a'] })).toEqual({ answers: { 'refund-window': ['a'] } });
    expect(shownIds(legacy[0] as DrawnQuestion, ['b'])).toEqual(['b']);
  });
});
