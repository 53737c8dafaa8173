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

/** Whose password it is: their name and email, which it must not contain. */
export interface PasswordOwner {
  email?: string | null | undefined;
  name?: string | null | undefined;
}

/**
 * Why `password` is refused, as words to show the person, or undefined when it is fine. Every
 * way a password is set (adding a person, self sign-up, changing one's own, an admin's or the
 * command line's reset) asks this, with the person whose password it is.
 */
export function passwordProblem(password: string, person: PasswordOwner = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters; ${ADVICE}.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const personal = personalWords(person);
  const folded = fold(password);
  if (personal.some((word) => folded.includes(word))) return `Choose a password without your name or email in it; ${ADVICE}.`;
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = checker.check(password, personal);
  if (result.score >= 2) return undefined;
  const reason = WARNINGS[result.feedback.warning ?? ''] ?? 'it is easy to guess';
  return `Choose a password that is harder to guess: ${reason}; ${ADVICE}.`;
}

/**
 * The words of a person's name and of their email's local part ("Asante, Kofi",
 * "anne-marie.o'brien", "jdoe7"), and the local part itself, with 3 letters or more: split at
 * anything that is not a letter, so punctuation or digits in a name hide none of it, and folded
 * like the password (case, accents), so "Zoë" is found in "zoe".
 */
export function personalWords({ email, name }: PasswordOwner): string[] {
  const local = email?.split('@')[0] ?? '';
  const words = [local, ...`${name ?? ''} ${local}`.split(/\P{L}+/u)].map(fold);
  return [...new Set(words.filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) >= 3))];
}

/** Lower case without accents: "Zoë" and "ZOE" are both "zoe". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
