/**
 * The training modules the server knows: the content manifest's modules with the quizzes the
 * build wrote beside it (dist/server/knowhow-quizzes.json, answer keys included: server only).
 * Made once per manifest (the app context's); in the dev server, from the live site model, which
 * is rebuilt when a page or a quiz file changes.
 */
import { type TrainingModule, trainingModules } from '../modules.ts';
import type { Settings } from '../../content/index.ts';
import type { QuizDefinition } from '../quiz-types.ts';

export interface TrainingCatalog {
  modules: TrainingModule[];
  /** The organisation's time zone, for due dates. */
  timeZone: string;
  module(id: string): TrainingModule | undefined;
}

/** What the catalogue reads of the served handbook (the manifest) or of the live site model. */
type ManifestOrSite = Parameters<typeof trainingModules>[0] & { settings: Pick<Settings, 'site'>; quizzes?: readonly QuizDefinition[] };

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
