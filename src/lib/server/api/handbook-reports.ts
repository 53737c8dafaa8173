/**
 * What the search-gap and feedback routes and pages share: their dependencies, built from the
 * app context and the manifest, and who may read the reports (owners.ts reportScope).
 */
import type { PageRecord } from '../../content/types.ts';
import type { AppContext } from '../app.ts';
import type { Access } from '../auth/guards.ts';
import type { SessionUser } from '../auth/session.ts';
import { ApiError } from '../errors.ts';
import type { FeedbackDeps } from '../feedback/feedback.ts';
import type { Manifest } from '../manifest.ts';
import { type ReportScope, reportScope } from '../owners.ts';
import type { SearchGapDeps } from '../search-gaps/gaps.ts';
import { searcherFor } from '../search-service.ts';

export const GAP_TAGS = ['Search gaps'];
export const FEEDBACK_TAGS = ['Page feedback'];

/** Signed in; then reportViewerScope decides between everything, their own pages and nothing. */
export const REPORT_READERS: Access = 'signed-in';
export const NOT_A_REPORT_READER = 'Only managers, admins and page owners see this: an admin can add your owner handles.';

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

/** The periods the search-gap and feedback reports look back over, in days. */
export const REPORT_PERIODS = [7, 30, 90, 365];

/** The period asked for in `?days=`, if it is one of REPORT_PERIODS; else 30 days. */
export function reportPeriod(params: URLSearchParams): number {
  const requested = Number(params.get('days'));
  return REPORT_PERIODS.includes(requested) ? requested : 30;
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
