/** Who may see what assistants called: admins, like the audit log. */
import type { Access } from '../accounts/server.ts';

export const USAGE_READERS: Access = { permission: { audit: ['view'] }, refusal: 'Only admins see what assistants called.' };
