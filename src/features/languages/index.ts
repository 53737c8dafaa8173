/**
 * Reading in your language: language names, notices about translations, the language switcher.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { languageName, staleNotice } from './language-names.ts';
