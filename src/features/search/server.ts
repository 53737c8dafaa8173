/**
 * Search on the server: the searchers over the built indexes.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { SEARCH_DIR, searchAllLanguages, searcherFor } from './server/search-service.ts';
