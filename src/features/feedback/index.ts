/**
 * Page feedback and search gaps: the shapes and access of their routes.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { FEEDBACK_TAGS, GAP_TAGS, NOT_A_REPORT_READER, REPORT_READERS } from './access.ts';
export { MAX_COMMENT_LENGTH } from './page-feedback.ts';
