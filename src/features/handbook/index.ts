/**
 * The whole handbook as one model: content with the training modules' quizzes, loaded for the check, the build and the pages.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { POLICY_TEXTS_FILE, policyTexts } from './policy-texts.ts';
export type { PolicyText } from './policy-texts.ts';
export { builtSite, forgetSite } from './site/site-cache.ts';
export type { SiteModel } from './types.ts';
