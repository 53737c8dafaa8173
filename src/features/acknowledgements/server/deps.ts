/** What the acknowledgement services need from the app context: the context and the pages to acknowledge. */
import type { AppContext } from '../../../server/app.ts';
import type { AcknowledgementDeps } from './acknowledgements.ts';
import { acknowledgementCatalog } from './catalog.ts';

export async function acknowledgementDeps(app: AppContext): Promise<AcknowledgementDeps & Pick<AppContext, 'database'>> {
  return { ...app, catalog: acknowledgementCatalog(await app.manifest()) };
}
