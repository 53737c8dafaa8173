/**
 * Who may do what. Permission roles are better-auth admin plugin roles built on Knowhow's own
 * statements: members read and train, managers also see reports about people, admins also
 * manage people and read the audit log. Guards (guards.ts) ask these roles, never role names.
 */
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/admin/access';

export const PERMISSION_ROLES = ['member', 'manager', 'admin'] as const;
export type PermissionRole = (typeof PERMISSION_ROLES)[number];
export const DEFAULT_ROLE: PermissionRole = 'member';

const statements = {
  ...defaultStatements,
  report: ['view'],
  training: ['assign'],
  audit: ['view'],
} as const;

export const accessControl = createAccessControl(statements);

export const roles = {
  member: accessControl.newRole({ user: [], session: [], report: [], training: [], audit: [] }),
  manager: accessControl.newRole({ user: [], session: [], report: ['view'], training: ['assign'], audit: [] }),
  admin: accessControl.newRole({
    user: ['create', 'list', 'set-role', 'ban', 'set-password', 'get', 'update'],
    session: ['list', 'revoke'],
    report: ['view'],
    training: ['assign'],
    audit: ['view'],
  }),
};

export type Permissions = { [Resource in keyof typeof statements]?: (typeof statements)[Resource][number][] };

export function isPermissionRole(value: unknown): value is PermissionRole {
  return typeof value === 'string' && (PERMISSION_ROLES as readonly string[]).includes(value);
}

/** Whether a person with `role` may do all of `permissions`. An unknown role may do nothing. */
export function roleCan(role: string | null | undefined, permissions: Permissions): boolean {
  if (!isPermissionRole(role)) return false;
  return roles[role].authorize(permissions as Parameters<(typeof roles)[PermissionRole]['authorize']>[0]).success;
}
