/**
 * What may be written about a person, as zod schemas shared by the API, the admin pages, the
 * command line and the CSV import, so each says the same thing about the same mistake. Job
 * roles are checked against the `roles` of knowhow.yaml, when it lists any.
 */
import { z } from 'astro/zod';
import { PERMISSION_ROLES } from './permissions.ts';

export const EMAIL_HINT = 'write an email address, e.g. sam.okafor@kestrel.example';

export const emailSchema = z
  .string({ error: EMAIL_HINT })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: EMAIL_HINT }).max(254, { error: 'keep the email address under 255 characters' }));

export const nameSchema = z
  .string({ error: 'write the person’s name, e.g. Sam Okafor' })
  .trim()
  .min(1, { error: 'write the person’s name, e.g. Sam Okafor' })
  .max(100, { error: 'keep the name under 100 characters' });

export const roleSchema = z.enum(PERMISSION_ROLES, { error: `write one of ${PERMISSION_ROLES.join(', ')}` });

export const teamSchema = z
  .string({ error: 'write the team’s name, e.g. Tier 1' })
  .trim()
  .max(80, { error: 'keep the team’s name under 80 characters' })
  .transform((value) => value || null)
  .nullable();

export const ownerHandlesSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(120, { error: 'keep each owner handle under 120 characters' })
      .regex(/^[^,\n]+$/, { error: 'write one owner per entry, e.g. @kestrel/billing-ops' }),
    { error: 'write a list of owner handles, e.g. ["@kestrel/billing-ops"]' },
  )
  .max(50, { error: 'list at most 50 owner handles' })
  .transform(unique);

export function jobRolesSchema(known: readonly string[]) {
  return z
    .array(z.string().trim().min(1), { error: 'write a list of job roles, e.g. ["agent", "team-lead"]' })
    .max(20, { error: 'list at most 20 job roles' })
    .superRefine((roles, context) => {
      if (known.length === 0) return;
      roles.forEach((role, index) => {
        if (!known.includes(role)) {
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `${role} is not a job role in knowhow.yaml; use one of ${known.join(', ')}`,
          });
        }
      });
    })
    .transform(unique);
}

export const passwordSchema = z.string({ error: 'write the password' });

export function newUserSchema(knownJobRoles: readonly string[]) {
  return z.strictObject({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema.default('member'),
    jobRoles: jobRolesSchema(knownJobRoles).default([]),
    team: teamSchema.default(null),
    ownerHandles: ownerHandlesSchema.default([]),
    /** Left out: a one-time password is made and shown once. */
    password: passwordSchema.optional(),
  });
}

export function userChangesSchema(knownJobRoles: readonly string[]) {
  return z
    .strictObject({
      name: nameSchema,
      role: roleSchema,
      jobRoles: jobRolesSchema(knownJobRoles),
      team: teamSchema,
      ownerHandles: ownerHandlesSchema,
    })
    .partial();
}

export type NewUser = z.output<ReturnType<typeof newUserSchema>>;
export type UserChanges = z.output<ReturnType<typeof userChangesSchema>>;

/** "agent, team-lead" or "agent;team-lead" as a list, for the command line and CSV files. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;|]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Job roles checked against knowhow.yaml's `roles`, as INVALID_INPUT fields (jobRoles.0, ...). */
export function jobRoleProblems(jobRoles: readonly string[] | undefined, known: readonly string[]): Record<string, string> | undefined {
  const result = jobRolesSchema(known).safeParse(jobRoles ?? []);
  if (result.success) return undefined;
  return Object.fromEntries(result.error.issues.map((issue) => [['jobRoles', ...issue.path.map(String)].join('.'), issue.message]));
}
