/** Who may read the search-gap and page-feedback reports, and where the API's documentation lists them. */
import type { Access } from '../accounts/server.ts';

export const GAP_TAGS = ['Search gaps'];
export const FEEDBACK_TAGS = ['Page feedback'];

/** Signed in; then reportViewerScope decides between everything, their own pages and nothing. */
export const REPORT_READERS: Access = 'signed-in';
export const NOT_A_REPORT_READER = 'Only managers, admins and page owners see this: an admin can add your owner handles.';
