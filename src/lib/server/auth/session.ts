/** Who is asking: the signed-in person behind a request's session cookie, or null. */
import type { Auth } from './auth.ts';
import { DEFAULT_ROLE, isPermissionRole, type PermissionRole } from './access.ts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: PermissionRole;
  team: string | null;
  /** Set for a one-time password: until it is changed, only the account page and sign-out work. */
  mustChangePassword: boolean;
}

export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  // Without a cookie there is nothing to look up: anonymous requests cost no database query.
  if (!headers.get('cookie')?.includes('better-auth.session_token')) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  // Deactivating ends sessions at once (users.ts); this guards against any left behind.
  if (user.banned) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: isPermissionRole(user.role) ? user.role : DEFAULT_ROLE,
    team: user.team ?? null,
    mustChangePassword: Boolean(user.mustChangePassword),
  };
}
