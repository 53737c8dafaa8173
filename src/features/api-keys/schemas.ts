/** The shapes of API keys in the admin API, the admin page and the command line. */
import { z } from 'astro/zod';
import { isoDate } from '../../kit/schemas.ts';
import { API_KEY_SCOPES } from './scopes.ts';

const SCOPES_HINT = `choose one or more of ${API_KEY_SCOPES.join(', ')}`;

export const NewApiKey = z
  .object({
    name: z
      .string({ error: 'name the service that uses the key, e.g. Zendesk sidebar' })
      .trim()
      .min(1, { error: 'name the service that uses the key, e.g. Zendesk sidebar' })
      .max(100, { error: 'keep the name under 100 characters' }),
    scopes: z
      .array(z.enum(API_KEY_SCOPES, { error: SCOPES_HINT }), { error: SCOPES_HINT })
      .min(1, { error: SCOPES_HINT })
      .transform((scopes) => [...new Set(scopes)].sort()),
    expires: isoDate
      .optional()
      .meta({ description: 'The last day the key works (YYYY-MM-DD, through the end of that day in UTC); none: until revoked.' }),
  })
  .strict();
export type NewApiKey = z.infer<typeof NewApiKey>;

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    start: z.string().meta({ description: 'The first characters of the key, to recognise it; never the whole key.' }),
    createdAt: z.string(),
    createdBy: z.string().nullable().meta({ description: 'The email of the admin who made it; null for the command line.' }),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyRecord = z.infer<typeof ApiKeySchema>;

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().meta({ description: 'The key itself: shown this once, stored only as a hash.' }),
}).meta({ id: 'CreatedApiKey' });

export const ApiKeyParams = z.object({ id: z.string().min(1).max(64) });
