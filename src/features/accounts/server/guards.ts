/**
 * The guards every route and page states: who may ask. "handbook" follows KNOWHOW_ACCESS:
 * anyone may read a public handbook, only signed-in people a private one.
 */
import type { AccessMode } from '../../../kit/server/env.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import { type Permissions, roleCan } from './permissions.ts';
import type { SessionUser } from './session.ts';

export type Access =
  | 'public'
  | 'handbook'
  | 'signed-in'
  | { permission: Permissions /** Said in the 403, e.g. "Only managers and admins see reports about people." */; refusal: string };

export interface Asker {
  user: SessionUser | null;
  accessMode: AccessMode;
}

/** The error for `asker` under `access`, or undefined when they may go ahead. */
export function accessError(
  access: Access,
  { user, accessMode }: Asker,
  { allowPendingPasswordChange = false } = {},
): ApiError | undefined {
  if (access === 'public') return undefined;
  if (access === 'handbook' && accessMode === 'public') return undefined;
  if (!user) return new ApiError('UNAUTHORIZED', 'Sign in first: this needs a signed-in account.');
  if (user.mustChangePassword && !allowPendingPasswordChange) {
    return new ApiError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first: your account has a one-time password (open /account/).');
  }
  if (typeof access === 'object' && !roleCan(user.role, access.permission)) return new ApiError('FORBIDDEN', access.refusal);
  return undefined;
}

/** The signed-in person, for handlers whose guard already turned anonymous people away. */
export function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw new ApiError('UNAUTHORIZED', 'Sign in first: this needs a signed-in account.');
  return user;
}
