/**
 * The built handbook as the server serves it: the manifest with the quizzes and the texts to acknowledge.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { MANIFEST_FILE, builtServerDir, readBuiltContent } from './server/manifest.ts';
export type { Manifest, ServedContent } from './server/manifest.ts';
export { pageForMachines, pagePathOf } from './server/page-for-machines.ts';
export type { MachinePage } from './server/page-for-machines.ts';
