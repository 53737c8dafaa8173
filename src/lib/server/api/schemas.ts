/** Shapes the API answers with, shared by the routes and the OpenAPI document. */
import { LANGUAGES } from '../../../i18n/languages.ts';
import { z } from 'astro/zod';
import { ERROR_STATUS } from '../errors.ts';
import { PERMISSION_ROLES } from '../auth/access.ts';
import { AUDIT_EVENT_TYPES } from '../audit/audit-log.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: 'What went wrong and what to do, in plain words.' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Per-field messages, for INVALID_INPUT.' }),
    }),
  })
  .meta({ id: 'Error' });

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

/** A page of a list: `limit` items from `offset`. */
export const paging = {
  limit: z.coerce
    .number({ error: 'write a whole number from 1 to 200' })
    .int({ error: 'write a whole number from 1 to 200' })
    .min(1, { error: 'write a whole number from 1 to 200' })
    .max(200, { error: 'write a whole number from 1 to 200' })
    .default(50),
  offset: z.coerce
    .number({ error: 'write a whole number, 0 or more' })
    .int({ error: 'write a whole number, 0 or more' })
    .min(0, { error: 'write a whole number, 0 or more' })
    .default(0),
};
