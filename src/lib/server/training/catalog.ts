/**
 * The training modules the server knows: the content manifest's modules with the quizzes the
 * build wrote beside it (dist/server/knowhow-quizzes.json, answer keys included: server only).
 * Read once per process, like the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TrainingModule, trainingModules } from '../../training/modules.ts';
import { QUIZZES_FILE, type QuizDefinition } from '../../training/quiz-types.ts';
import { builtServerDir, type Manifest } from '../manifest.ts';

export interface TrainingCatalog {
  modules: TrainingModule[];
  /** The organisation's time zone, for due dates. */
  timeZone: string;
  module(id: string): TrainingModule | undefined;
}

const catalogs = new WeakMap<object, TrainingCatalog>();

export function trainingCatalog(manifest: Pick<Manifest, 'pages' | 'sections' | 'settings'>, quizzes = builtQuizzes()): TrainingCatalog {
  let catalog = catalogs.get(manifest);
  if (!catalog) {
    const modules = trainingModules(manifest, quizzes);
    const byId = new Map(modules.map((module) => [module.id, module]));
    catalog = { modules, timeZone: manifest.settings.site.timeZone ?? 'UTC', module: (id) => byId.get(id) };
    catalogs.set(manifest, catalog);
  }
  return catalog;
}

/** The quizzes of the build this server serves; none in the dev server, which has no build. */
function builtQuizzes(): QuizDefinition[] {
  const dir = builtServerDir();
  const file = dir ? join(dir, QUIZZES_FILE) : undefined;
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as QuizDefinition[]) : [];
}
