/**
 * The training modules the server knows: the content manifest's modules with the quizzes the
 * build wrote beside it (dist/server/knowhow-quizzes.json, answer keys included: server only).
 * Made once per manifest (the app context's); in the dev server, from the live site model, which
 * is rebuilt when a page or a quiz file changes.
 */
import { type TrainingModule, trainingModules } from '../../training/modules.ts';
import type { QuizDefinition } from '../../training/quiz-types.ts';
import type { ServedContent } from '../manifest.ts';

export interface TrainingCatalog {
  modules: TrainingModule[];
  /** The organisation's time zone, for due dates. */
  timeZone: string;
  module(id: string): TrainingModule | undefined;
}

type ManifestOrSite = Pick<ServedContent, 'pages' | 'sections' | 'settings' | 'quizzes'>;

const catalogs = new WeakMap<object, TrainingCatalog>();

export function trainingCatalog(manifest: ManifestOrSite, quizzes?: readonly QuizDefinition[]): TrainingCatalog {
  let catalog = catalogs.get(manifest);
  if (!catalog) {
    const modules = trainingModules(manifest, quizzes ?? manifest.quizzes ?? []);
    const byId = new Map(modules.map((module) => [module.id, module]));
    catalog = { modules, timeZone: manifest.settings.site.timeZone ?? 'UTC', module: (id) => byId.get(id) };
    catalogs.set(manifest, catalog);
  }
  return catalog;
}
