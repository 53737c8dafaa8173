/**
 * The content manifest as the server reads it: written by the build next to the server entry
 * (build/knowhow.ts) and read once at start, with the quizzes and the texts to
 * acknowledge beside it. Routes and pages get it from the app context (`app.manifest()`), never
 * from here; time-dependent facts such as "overdue" are computed per request without a rebuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PolicyText, readPolicyTexts } from '../policy-texts.ts';
import type { Settings, PageRecord, SectionRecord } from '../../content/index.ts';
import type { QuizTranslationReview } from '../../training/index.ts';
import { type QuizDefinition, QUIZZES_FILE } from '../../training/index.ts';

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

/**
 * The handbook as the server serves it: the manifest, and what only the server may see of it.
 * A built server reads the quizzes and the texts to acknowledge from the build; the dev
 * server's live site model carries its quizzes and its content folder, where the texts are.
 */
export interface ServedContent extends Manifest {
  /** The training modules' quizzes, answer keys included. */
  quizzes?: readonly QuizDefinition[];
  /** The text of each page people acknowledge, per version. */
  policyTexts?: readonly PolicyText[];
  /** The content folder (the dev server's live model), where the texts can be read. */
  contentDir?: string;
}

/** The manifest in a built server folder (dist/server), read by the site's server at start. */
export function readBuiltManifest(serverDir: string): Manifest {
  return JSON.parse(readFileSync(join(serverDir, MANIFEST_FILE), 'utf8')) as Manifest;
}

/** Everything the build wrote for the server about the handbook (dist/server), read once at start. */
export function readBuiltContent(serverDir: string): ServedContent {
  return { ...readBuiltManifest(serverDir), quizzes: readBuiltQuizzes(serverDir), policyTexts: readPolicyTexts(serverDir) };
}

/**
 * The training modules' quizzes with their answer keys, as the build wrote them next to the
 * manifest (build/knowhow.ts); none when the site has no quizzes folder or was built
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
