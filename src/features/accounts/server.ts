/**
 * Accounts on the server: better-auth, sessions, sign-in with its limits, passwords, people and their CSV import, the audit log, guards for routes and pages.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { AuditEventSchema, UserParams, UserSchema } from './schemas.ts';
export { PERMISSION_ROLES, isPermissionRole, roleCan } from './server/permissions.ts';
export { actorOf, assertKnownJobRoles } from './server/actors.ts';
export { AUDIT_EVENT_TYPES, createAuditLog } from './server/audit-log.ts';
export type { AuditEventType, AuditLog } from './server/audit-log.ts';
export {
  MCP_PATH,
  answerConsent,
  consentRequest,
  disconnectAssistant,
  formTargetOf,
  listConnectedAssistants,
  mcpResource,
  mcpResourceMetadataUrl,
  oauthSignInReturn,
  protectedResourceMetadata,
  verifyMcpAccessToken,
} from './server/assistant-oauth.ts';
export type { ConnectedAssistant, ConsentRequest } from './server/assistant-oauth.ts';
export { authCall, standardAuthResponse } from './server/auth-errors.ts';
export { CLIENT_ADDRESS_HEADER, SSO_PROVIDER, createAuth, crossSiteCookies } from './server/auth.ts';
export type { Auth } from './server/auth.ts';
export { planImport, runImport } from './server/csv-import.ts';
export { ensureDemoPeople } from './server/demo-people.ts';
export { accessError, requireUser } from './server/guards.ts';
export type { Access } from './server/guards.ts';
export { pageAccess, readForm, redirectWithCookies } from './server/page-guards.ts';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './server/passwords.ts';
export { resolveSession } from './server/session.ts';
export type { SessionUser } from './server/session.ts';
export { countClientAttempt, signInWithPassword } from './server/sign-in.ts';
export { userFormValues } from './server/user-form.ts';
export type { UserFormValues } from './server/user-form.ts';
export { emailSchema, nameSchema, newUserSchema, passwordSchema, splitList, userChangesSchema } from './server/user-input.ts';
export { selectUserRecords, toUserRecord } from './server/user-records.ts';
export type { UserRecord } from './server/user-records.ts';
export {
  createUser,
  deactivateUser,
  findUserByEmail,
  getUser,
  insertUser,
  listUsers,
  prepareUser,
  reactivateUser,
  resetPassword,
  setUserLanguage,
  teamsInUse,
  updateUser,
} from './server/users.ts';
export type { Actor } from './server/users.ts';
