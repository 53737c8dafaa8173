/**
 * The content manifest as the server reads it: written by the build next to the server entry
 * (integrations/knowhow.ts) and read once at start. API routes answer from it, so time-dependent
 * facts such as "overdue" are computed per request without a rebuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../content/settings.ts';
import type { PageRecord, SectionRecord } from '../content/types.ts';
import type { QuizTranslationReview } from '../training/quiz-translation-reviews.ts';
import { type QuizDefinition, QUIZZES_FILE } from '../training/quiz-types.ts';

export const MANIFEST_FILE = 'knowhow-manifest.json';

export interface Manifest {
  builtAt: string;
  /** Built from the project's own sample content (content/): the server may then create demo people. */
  sampleContent?: boolean;
  settings: Settings;
  pages: PageRecord[];
  sections: SectionRecord[];
  /** Quiz translations for the review list; absent from manifests built before they were listed. */
  quizTranslations?: QuizTranslationReview[];
}

let cached: Manifest | undefined;

/** The built manifest; in the dev server there is none and `fallback` builds the model live. */
export async function readManifest(fallback: () => Promise<Manifest>): Promise<Manifest> {
  if (cached) return cached;
  const path = findManifest();
  if (!path) return fallback();
  cached = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  return cached;
}

/** The manifest in a built server folder (dist/server), read by the site's server at start. */
export function readBuiltManifest(serverDir: string): Manifest {
  return JSON.parse(readFileSync(join(serverDir, MANIFEST_FILE), 'utf8')) as Manifest;
}

/**
 * The training modules' quizzes with their answer keys, as the build wrote them next to the
 * manifest (integrations/knowhow.ts); none when the site has no quizzes folder or was built
 * before quizzes existed.
 */
export function readBuiltQuizzes(serverDir: string): QuizDefinition[] {
  const path = join(serverDir, QUIZZES_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as QuizDefinition[]) : [];
}

/** Server chunks sit one or two folders below dist/server, where the manifest is. */
function findManifest(): string | undefined {
  for (const up of ['./', '../', '../../']) {
    const path = fileURLToPath(new URL(`${up}${MANIFEST_FILE}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The built server folder (dist/server), where the manifest and the search files are; undefined in the dev server. */
export function builtServerDir(): string | undefined {
  return findManifest()?.replace(/[/\\][^/\\]+$/, '');
}
