/**
 * Reviews: review states, who owns a page, marking pages reviewed, the chat digest.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { DIGEST_FORMATS, digestMessage, digestsByOwner } from './digest.ts';
export type { DigestFormat } from './digest.ts';
export { reviewItems } from './items.ts';
export type { ReviewItem } from './items.ts';
export { REVIEW_LABELS } from './labels.ts';
export { markReviewed, setFrontMatterField } from './mark.ts';
export { ownedBy, ownerNamed } from './page-owners.ts';
