/**
 * Read and acknowledge: the comparison of versions, the shapes and access of its routes.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { ACKNOWLEDGEMENT_REPORT_TAGS, ACKNOWLEDGEMENT_TAGS } from './access.ts';
export { AcknowledgementSchema, ChangesSchema, DueSchema, PageUrl, Version } from './schemas.ts';
