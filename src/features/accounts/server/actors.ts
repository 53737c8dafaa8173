/** Who acts, for the audit log, and the job roles a person may be given. */
import type { AppContext } from '../../../server/app.ts';
import { ApiError } from '../../../kit/server/errors.ts';
import type { SessionUser } from './session.ts';
import { jobRoleProblems } from './user-input.ts';
import type { Actor } from './users.ts';

export function actorOf(user: SessionUser | null, clientAddress: string): Actor {
  return { user: user ? { id: user.id, email: user.email } : null, clientAddress };
}

/** Refuses job roles that knowhow.yaml does not list (when it lists any). */
export async function assertKnownJobRoles(app: Pick<AppContext, 'manifest'>, jobRoles: readonly string[] | undefined): Promise<void> {
  const { settings } = await app.manifest();
  const fields = jobRoleProblems(jobRoles, settings.roles);
  if (fields) throw new ApiError('INVALID_INPUT', 'The request body is not valid; see fields.', { fields });
}
