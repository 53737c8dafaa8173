/** Who may manage API keys: admins, as for people; and where the API's documentation lists those routes. */
import type { Access } from '../accounts/server.ts';

export const KEY_ADMINS: Access = { permission: { user: ['update'] }, refusal: 'Only admins manage API keys.' };
export const KEY_ADMIN_TAGS = ['API keys (admins)'];
