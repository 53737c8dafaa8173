/**
 * What a password must be: at least MIN_PASSWORD_LENGTH characters, and not one an attacker
 * tries early: not among the 50,000 most common passwords, not a keyboard row or a repeated
 * character, not the person's own name or email (zxcvbn's estimate, score 2 or more).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const ADVICE = 'try three or four unrelated words, e.g. "kettle orbit lantern moss"';

const WARNINGS: Record<string, string> = {
  topTen: 'it is one of the ten most common passwords',
  topHundred: 'it is one of the hundred most common passwords',
  common: 'it is one of the most common passwords',
  similarToCommon: 'it is a common password with small changes',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'names are easy to guess',
  commonNames: 'common names are easy to guess',
  straightRow: 'a row of keys is easy to guess',
  keyPattern: 'a pattern of keys is easy to guess',
  simpleRepeat: 'repeated characters are easy to guess',
  extendedRepeat: 'repeated groups of characters are easy to guess',
  sequences: 'sequences such as abc or 1234 are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  userInputs: 'it contains your name or email',
};

let checker: ZxcvbnFactory | undefined;

/** Why `password` is refused, as words to show the person, or undefined when it is fine. */
export function passwordProblem(password: string, person: { email?: string; name?: string } = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters; ${ADVICE}.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const personal = [person.email?.split('@')[0], ...(person.name?.split(/\s+/) ?? [])].filter(
    (part): part is string => !!part && part.length >= 3,
  );
  if (personal.some((part) => lower.includes(part.toLowerCase()))) return `Choose a password without your name or email in it; ${ADVICE}.`;
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = checker.check(password, personal);
  if (result.score >= 2) return undefined;
  const reason = WARNINGS[result.feedback.warning ?? ''] ?? 'it is easy to guess';
  return `Choose a password that is harder to guess: ${reason}; ${ADVICE}.`;
}
