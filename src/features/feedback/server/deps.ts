/**
 * What the search-gap and feedback services need, built from the app context and the manifest,
 * and what each reader may see of the reports (owned-pages.ts reportScope).
 */
import type { PageRecord } from '../../content/index.ts';
import type { AppContext } from '../../../server/app.ts';
import type { SessionUser } from '../../accounts/server.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { FeedbackDeps } from './feedback.ts';
import type { Manifest } from '../../handbook/server.ts';
import { type ReportScope, reportScope } from '../../reviews/server.ts';
import type { SearchGapDeps } from './search-gaps.ts';
import { searcherFor } from '../../search/server.ts';
import { NOT_A_REPORT_READER } from '../access.ts';

export function feedbackDeps(app: AppContext, manifest: Manifest): FeedbackDeps & { ownerNames: Record<string, string> } {
  return { ...app, pages: manifest.pages, timeZone: manifest.settings.site.timeZone, ownerNames: manifest.settings.owners };
}

export function searchGapDeps(app: AppContext, manifest: Manifest, lang = manifest.settings.site.lang): SearchGapDeps {
  const byUrl = new Map(manifest.pages.map((page) => [page.url, page]));
  return {
    ...app,
    timeZone: manifest.settings.site.timeZone,
    closestSection: (question) => {
      const best = searcherFor(lang, manifest.settings)?.search(question, { limit: 1 })[0];
      const page = best ? byUrl.get(best.url) : undefined;
      return page ? sectionOfPage(page) : null;
    },
  };
}

/** The section a page belongs to: its own folder for a folder's index page. */
export function sectionOfPage(page: Pick<PageRecord, 'url' | 'section' | 'isSectionIndex'>): string {
  return page.isSectionIndex ? page.url : page.section;
}

/** The person's view of the reports, or 403 for someone who is neither a manager nor an owner. */
export function reportViewerScope(user: SessionUser, manifest: Manifest): ReportScope<PageRecord> {
  const scope = reportScope(user, manifest.pages, manifest.settings.owners);
  if (!scope) throw new ApiError('FORBIDDEN', NOT_A_REPORT_READER);
  return scope;
}

/** The title of a section, by its URL. */
export function sectionTitle(manifest: Manifest, url: string | null): string {
  if (url === null) return '';
  return manifest.sections.find((section) => section.url === url)?.title ?? url;
}
