/**
 * People and who may do what: access rules, the shapes of people in the API, return addresses after signing in.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { ADMINS_ONLY, ADMIN_TAGS, AUDITORS_ONLY, REPORT_VIEWERS } from './access.ts';
export { userFieldErrors } from './components/user-field-errors.ts';
export { safeReturnPath, signInAddress } from './return-address.ts';
