/**
 * Acknowledgements on the server: what each person owes, signing, what changed, the reports.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { acknowledge, dueCount, myAcknowledgements, policyChanges, storePolicyVersions } from './server/acknowledgements.ts';
export type { PolicyChanges } from './server/acknowledgements.ts';
export { acknowledgementCatalog, normalizeUrl } from './server/catalog.ts';
export { acknowledgementDeps } from './server/deps.ts';
export { ACKNOWLEDGEMENT_STATUSES, acknowledgementRecords, acknowledgementReport } from './server/reports.ts';
export type { AcknowledgementFilter } from './server/reports.ts';
