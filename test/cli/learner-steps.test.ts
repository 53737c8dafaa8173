/**
 * The training load's learner (cli/lib/learner-steps.ts): it answers what earlier results
 * revealed, by the choices' words, since each attempt gives its choices ids of its own.
 */
import { describe, expect, it } from 'vitest';
import { learnerSteps } from '../../cli/lib/learner-steps.ts';

const quiz = (ids: [string, string]) => ({
  questions: [
    {
      id: 'refund-window',
      choices: [
        { id: ids[0], text: 'Fourteen days' },
        { id: ids[1], text: 'Thirty days' },
      ],
    },
  ],
});

describe('the training load’s learner', () => {
  it('answers what its results revealed, in the ids of the attempt it is taking', () => {
    const [, open, submit] = learnerSteps('basics', 'session=1', 'http://127.0.0.1:1');
    const sent = () => JSON.parse(submit?.body?.() ?? '{}').answers as Record<string, string[]>;
    // First attempt: a guess (the first choice shown); its results reveal the right one.
    open?.onAnswer?.(200, JSON.stringify(quiz(['k7m2x9qa', 'e3ru7wqb'])));
    expect(sent()).toEqual({ 'refund-window': ['k7m2x9qa'] });
    submit?.onAnswer?.(
      201,
      JSON.stringify({ questions: [{ id: 'refund-window', rightChoices: ['e3ru7wqb'], ...quiz(['k7m2x9qa', 'e3ru7wqb']).questions[0] }] }),
    );
    // Second: all guesses, as every other attempt is.
    open?.onAnswer?.(200, JSON.stringify(quiz(['h4vw9yde', 'q7kx3mza'])));
    expect(sent()).toEqual({ 'refund-window': ['h4vw9yde'] });
    submit?.onAnswer?.(201, JSON.stringify({ questions: [] }));
    // Third: what it learnt, under this attempt's id for the same words.
    open?.onAnswer?.(200, JSON.stringify(quiz(['x5cm2fgh', 'b2np8rtc'])));
    expect(sent()).toEqual({ 'refund-window': ['b2np8rtc'] });
  });
});
