/**
 * A person as the API and the pages show them, read in one query: their row with their job
 * roles and owner handles as JSON arrays. The session lookup (auth/session.ts) uses the same
 * query, so a signed-in request knows everything about its person after one round trip.
 */
import type { Kysely } from 'kysely';
import { isLanguage, type Language } from '../../../kit/i18n/languages.ts';
import { DEFAULT_ROLE, isPermissionRole, type PermissionRole } from './permissions.ts';
import type { DatabaseKind } from '../../../kit/server/db/connect.ts';
import { jsonArrayFrom, parseJsonArray } from '../../../kit/server/db/json-array.ts';
import type { Database, UserJobRoleTable, UserOwnerHandleTable, UserTable } from '../../../kit/server/db/schema.ts';
import { isoDate } from '../../../kit/server/db/values.ts';

export type UserStatus = 'active' | 'deactivated';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: PermissionRole;
  jobRoles: string[];
  /** When each job role was given (ISO), from which training due dates count. */
  jobRolesSince: Record<string, string>;
  team: string | null;
  ownerHandles: string[];
  status: UserStatus;
  /** Set for a one-time password: until it is changed, only the account page and sign-out work. */
  mustChangePassword: boolean;
  createdAt: string;
  /** The interface language the person chose on /account/, or null for the handbook's own. */
  language: Language | null;
}

/** The people's rows with their job roles and owner handles; callers add where, order and joins. */
export function selectUserRecords(db: Kysely<Database>, kind: DatabaseKind) {
  return db
    .selectFrom('user')
    .selectAll('user')
    .select((eb) => [
      jsonArrayFrom(
        kind,
        eb
          .selectFrom('user_job_role')
          .select(['job_role', 'granted_at'])
          .whereRef('user_job_role.user_id', '=', 'user.id')
          .orderBy('job_role') as never,
      ).as('job_roles'),
      jsonArrayFrom(
        kind,
        eb
          .selectFrom('user_owner_handle')
          .select('handle')
          .whereRef('user_owner_handle.user_id', '=', 'user.id')
          .orderBy('handle') as never,
      ).as('owner_handles'),
    ]);
}

type UserRecordRow = UserTable & { job_roles: unknown; owner_handles: unknown };

export function toUserRecord(row: UserRecordRow): UserRecord {
  const jobRoles = parseJsonArray(row.job_roles as string | Pick<UserJobRoleTable, 'job_role' | 'granted_at'>[]);
  const handles = parseJsonArray(row.owner_handles as string | Pick<UserOwnerHandleTable, 'handle'>[]);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isPermissionRole(row.role) ? row.role : DEFAULT_ROLE,
    jobRoles: jobRoles.map((jobRole) => jobRole.job_role),
    jobRolesSince: Object.fromEntries(jobRoles.map((jobRole) => [jobRole.job_role, jobRole.granted_at])),
    team: row.team,
    ownerHandles: handles.map((handle) => handle.handle),
    status: row.banned ? 'deactivated' : 'active',
    mustChangePassword: Boolean(row.mustChangePassword),
    createdAt: isoDate(row.createdAt),
    language: isLanguage(row.language) ? row.language : null,
  };
}
