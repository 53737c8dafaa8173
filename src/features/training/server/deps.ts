/** What training's services need from the app context: the context and the modules the server knows, with their keys. */
import type { AppContext } from '../../../server/app.ts';
import { trainingCatalog } from './catalog.ts';
import type { TrainingDeps } from './learner.ts';

export async function trainingDeps(app: AppContext): Promise<TrainingDeps> {
  return { ...app, catalog: trainingCatalog(await app.manifest()) };
}
