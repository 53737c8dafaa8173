/**
 * The training modules the server knows: the content manifest's modules with the quizzes the
 * build wrote beside it (dist/server/knowhow-quizzes.json, answer keys included: server only).
 * Read once per process, like the manifest; in the dev server, from the live site model, which
 * is rebuilt when a page or a quiz file changes.
 */
import { type TrainingModule, trainingModules } from '../../training/modules.ts';
import type { QuizDefinition } from '../../training/quiz-types.ts';
import { builtServerDir, type Manifest, readBuiltQuizzes } from '../manifest.ts';

export interface TrainingCatalog {
  modules: TrainingModule[];
  /** The organisation's time zone, for due dates. */
  timeZone: string;
  module(id: string): TrainingModule | undefined;
}

type ManifestOrSite = Pick<Manifest, 'pages' | 'sections' | 'settings'> & { quizzes?: QuizDefinition[] };

const catalogs = new WeakMap<object, TrainingCatalog>();

export function trainingCatalog(manifest: ManifestOrSite, quizzes?: readonly QuizDefinition[]): TrainingCatalog {
  let catalog = catalogs.get(manifest);
  if (!catalog) {
    const modules = trainingModules(manifest, quizzes ?? quizzesOf(manifest));
    const byId = new Map(modules.map((module) => [module.id, module]));
    catalog = { modules, timeZone: manifest.settings.site.timeZone ?? 'UTC', module: (id) => byId.get(id) };
    catalogs.set(manifest, catalog);
  }
  return catalog;
}

/** The dev server's site model carries its quizzes; a built server reads the build's file. */
function quizzesOf(manifest: ManifestOrSite): readonly QuizDefinition[] {
  if (manifest.quizzes) return manifest.quizzes;
  const dir = builtServerDir();
  return dir ? readBuiltQuizzes(dir) : [];
}
