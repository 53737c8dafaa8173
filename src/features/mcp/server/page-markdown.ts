/**
 * A page's clean Markdown (front matter removed, links made whole addresses on the handbook's
 * public address): the build's Markdown copy of the page, or, in the dev server, one made from
 * the content folder (the handbook feature's pageForMachines, which the copies and llms.txt
 * share). Undefined when there is none.
 */
import type { AppContext } from '../../../server/app.ts';
import type { PageRecord } from '../../content/index.ts';
import { pageForMachines } from '../../handbook/server.ts';

export async function pageMarkdown(app: AppContext, page: PageRecord): Promise<string | undefined> {
  return (await pageForMachines(app, page.url))?.markdown;
}
