/**
 * What a page's acknowledgement is about: the page's text without its front matter (so that
 * raising `reviewed:` or adding a tag asks nobody to sign again), and the version people
 * acknowledge: the `version` the owner wrote, else a hash of that text.
 */
import { createHash } from 'node:crypto';
import { splitFrontMatter } from './frontmatter.ts';

/** The page's text as people read and sign it: the body, with line endings and trailing blanks made even. */
export function acknowledgeText(source: string): string {
  return `${splitFrontMatter(source.replace(/\r\n?/g, '\n')).body.trim()}\n`;
}

/** A short hash of a page's text, to tell one wording from another. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The owner's `version` if there is one, else the text's hash. */
export function acknowledgeVersion(frontMatterVersion: string | undefined, text: string): string {
  return frontMatterVersion ?? textHash(text);
}
