/**
 * Reviews on the server: the review list and the share of trusted pages.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { pagesOwnedBy, reportScope } from './server/owned-pages.ts';
export type { ReportScope } from './server/owned-pages.ts';
export { reviewList, trustOverview } from './server/reviews.ts';
