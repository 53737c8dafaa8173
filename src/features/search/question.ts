/**
 * A question as search gaps count it: "Refund  after 30 days?" and "refund after 30 days" are
 * one question. Lower case, spaces collapsed, punctuation trimmed from both ends, cut to the
 * longest question the search accepts. Shared by the browser (which reports a search only when
 * its question changed) and the server (which counts it).
 */
import { MAX_QUERY_LENGTH, tokenize } from './query.ts';

/**
 * The normalised question, or undefined when it has nothing to count: no word ("??", "") or a
 * single character, which is a search being typed ("r" on the way to "refund"), not a question.
 */
export function normaliseQuestion(text: string): string | undefined {
  const question = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
  return question.length > 1 && tokenize(question).length > 0 ? question : undefined;
}
