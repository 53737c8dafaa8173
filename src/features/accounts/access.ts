/** Who may manage people, read the audit log and see reports about people; and where the API's documentation lists those routes. */
import type { Access } from './server/guards.ts';

export const ADMINS_ONLY: Access = { permission: { user: ['update'] }, refusal: 'Only admins manage people.' };
export const AUDITORS_ONLY: Access = { permission: { audit: ['view'] }, refusal: 'Only admins read the audit log.' };
export const ADMIN_TAGS = ['People (admins)'];
export const REPORT_VIEWERS = {
  permission: { report: ['view'] },
  refusal: 'Only managers and admins see reports about people.',
} satisfies Access;
