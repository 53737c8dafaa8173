/** The shapes of the people routes' input and answers, shared by the API and the admin pages. */
import { z } from 'astro/zod';
import { LANGUAGES } from '../../kit/i18n/languages.ts';
import { PERMISSION_ROLES } from './server/permissions.ts';
import { AUDIT_EVENT_TYPES } from './server/audit-log.ts';

export const UserParams = z.object({ id: z.string().min(1).max(100).meta({ description: 'The person’s id.' }) });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z
      .enum(PERMISSION_ROLES)
      .meta({ description: 'Permission role: members read and train, managers also see reports, admins also manage people.' }),
    jobRoles: z.array(z.string()).meta({ description: 'Job roles from knowhow.yaml, e.g. agent, team-lead.' }),
    jobRolesSince: z.record(z.string(), z.string()).meta({ description: 'When each job role was given (ISO 8601).' }),
    team: z.string().nullable(),
    ownerHandles: z.array(z.string()).meta({ description: 'The page owners this person answers for, e.g. @kestrel/billing-ops.' }),
    status: z.enum(['active', 'deactivated']),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    language: z
      .enum(LANGUAGES)
      .nullable()
      .meta({ description: "The interface language the person chose on /account/; null: the handbook's own." }),
  })
  .meta({ id: 'User' });

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    type: z.enum(AUDIT_EVENT_TYPES),
    actor: z
      .object({ id: z.string().nullable(), email: z.string().nullable() })
      .meta({ description: 'Who did it; nulls for the command line.' }),
    subject: z.object({ id: z.string().nullable(), email: z.string().nullable() }),
    clientAddress: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
