/**
 * Loading the whole handbook from its folders: every page read and checked, with the quizzes,
 * for the content check, the build and the command line. An entry of its own, as it loads the
 * Markdown renderer, which the server and the pages do not need.
 *
 * What other parts of Knowhow may use of the loader. They import it from here, never from its files.
 */
export { hasFailures, loadSite } from './load-site.ts';
