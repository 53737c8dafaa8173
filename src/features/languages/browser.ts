/**
 * Reading in your language: language names, notices about translations, the language switcher.
 *
 * What the browser scripts of other features may use of this feature: it loads no Node module
 * and no package, so it adds only what is used to the page's JavaScript.
 */
export { languageName } from './language-names.ts';
