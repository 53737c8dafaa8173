/**
 * The text of every page to acknowledge, as the build found it: written to the server's folder
 * (dist/server/knowhow-policy-texts.json), never to dist/client, so a private handbook's words
 * reach nobody who is not signed in. The server keeps each version's text in its database at
 * start, so "what changed since you signed" still works after many builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acknowledgeText, textHash, isOriginal } from '../content/index.ts';
import type { PageRecord } from '../content/index.ts';

export const POLICY_TEXTS_FILE = 'knowhow-policy-texts.json';

export interface PolicyText {
  url: string;
  file: string;
  version: string;
  textHash: string;
  text: string;
}

/**
 * The pages to acknowledge, with their text read from the content folder. Translations are not
 * among them: acknowledging one counts for its original's version.
 */
export function policyTexts(contentDir: string, pages: readonly PageRecord[]): PolicyText[] {
  return pages
    .filter((page) => page.acknowledge && page.acknowledgeVersion !== undefined && !page.draft && isOriginal(page))
    .map((page) => {
      const text = acknowledgeText(readFileSync(join(contentDir, page.file), 'utf8'));
      return { url: page.url, file: page.file, version: page.acknowledgeVersion as string, textHash: textHash(text), text };
    });
}

/** The texts in a built server folder; none for a build made before acknowledgements existed. */
export function readPolicyTexts(serverDir: string): PolicyText[] {
  const path = join(serverDir, POLICY_TEXTS_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PolicyText[]) : [];
}
