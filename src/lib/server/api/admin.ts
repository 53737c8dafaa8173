/** What the admin routes share: their guard, the acting person for the audit log, the job roles the content allows. */
import { z } from 'astro/zod';
import type { AppContext } from '../app.ts';
import type { Access } from '../auth/guards.ts';
import type { SessionUser } from '../auth/session.ts';
import { ApiError } from '../errors.ts';
import { jobRoleProblems } from '../users/user-input.ts';
import type { Actor } from '../users/users.ts';

export const ADMINS_ONLY: Access = { permission: { user: ['update'] }, refusal: 'Only admins manage people.' };
export const AUDITORS_ONLY: Access = { permission: { audit: ['view'] }, refusal: 'Only admins read the audit log.' };
export const ADMIN_TAGS = ['People (admins)'];

export const UserParams = z.object({ id: z.string().min(1).max(100).meta({ description: 'The person’s id.' }) });

export function actorOf(user: SessionUser | null, clientAddress: string): Actor {
  return { user: user ? { id: user.id, email: user.email } : null, clientAddress };
}

/** Refuses job roles that knowhow.yaml does not list (when it lists any). */
export async function assertKnownJobRoles(app: Pick<AppContext, 'manifest'>, jobRoles: readonly string[] | undefined): Promise<void> {
  const { settings } = await app.manifest();
  const fields = jobRoleProblems(jobRoles, settings.roles);
  if (fields) throw new ApiError('INVALID_INPUT', 'The request body is not valid; see fields.', { fields });
}
