// `npm run key -- <command>`: API keys for services (a helpdesk sidebar, a chat bot, an HR
// system), against the same database as the server (DATABASE_URL, or data/knowhow.db). Every
// key made or revoked here is in the audit log, as "command line". `npm run key -- help`.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { API_KEY_SCOPES, type ApiKeyRecord, NewApiKey, SCOPE_DESCRIPTIONS } from '../src/features/api-keys/index.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../src/features/api-keys/server.ts';
import type { AppContext } from '../src/server/app.ts';
import { ApiError, fieldMessages } from '../src/kit/server/errors.ts';
import { runAppCommand, UsageError } from './lib/app-command.ts';

const HELP = `Manage the API keys that services use to call Knowhow.

  npm run key -- create --name "Zendesk sidebar" --scopes read[,reports] [--expires 2027-12-31] [--json]
      Makes a key and prints it, this once: Knowhow keeps only its hash. --expires: the last
      day it works (through the end of that day, UTC). --json: one JSON object with id and key.
  npm run key -- list [--json]      Every key: id, name, scopes, created, last used, expiry, status.
  npm run key -- revoke <id>        The key stops working at once, on every server.

Scopes:
${API_KEY_SCOPES.map((scope) => `  ${scope.padEnd(8)} ${SCOPE_DESCRIPTIONS[scope]}`).join('\n')}
A key never reaches the admin, people or write routes.`;

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function describe(key: ApiKeyRecord): string {
  const dates = [
    `created ${key.createdAt.slice(0, 10)}`,
    key.lastUsedAt ? `last used ${key.lastUsedAt.slice(0, 16).replace('T', ' ')}` : 'never used',
    key.expiresAt ? `expires ${key.expiresAt.slice(0, 10)}` : 'no expiry',
  ];
  return `${key.id}  ${key.name}  [${key.scopes.join(', ')}]  ${key.start}...  ${dates.join(', ')}  ${key.status}`;
}

async function run(app: AppContext, command: string, args: string[]): Promise<number> {
  switch (command) {
    case 'create': {
      const { values } = parseArgs({
        args,
        options: { name: { type: 'string' }, scopes: { type: 'string' }, expires: { type: 'string' }, json: { type: 'boolean' } },
      });
      if (!values.name) throw new UsageError('--name is required: the service that uses the key, e.g. --name "Zendesk sidebar"');
      if (!values.scopes) throw new UsageError(`--scopes is required: ${API_KEY_SCOPES.join(', ')}, separated by commas`);
      const input = NewApiKey.safeParse({
        name: values.name,
        scopes: values.scopes.split(',').map((scope) => scope.trim()),
        ...(values.expires ? { expires: values.expires } : {}),
      });
      if (!input.success) throw new ApiError('INVALID_INPUT', 'The key was not made:', { fields: fieldMessages(input.error.issues) });
      const key = await createApiKey(app, input.data, { actor: null });
      if (values.json) {
        console.log(JSON.stringify(key));
      } else {
        console.log(
          `Made ${describe(key)}\n\n  ${key.key}\n\nCopy the key now: it is not shown again. Send it as "Authorization: Bearer <key>".`,
        );
      }
      return 0;
    }
    case 'list': {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
      const keys = await listApiKeys(app);
      if (values.json) console.log(JSON.stringify(keys));
      else
        console.log(
          keys.length > 0 ? keys.map(describe).join('\n') : 'No API keys yet: `npm run key -- create --name N --scopes read` makes one.',
        );
      return 0;
    }
    case 'revoke': {
      const { positionals } = parseArgs({ args, allowPositionals: true });
      const [id] = positionals;
      if (!id) throw new UsageError('Name the key to revoke: npm run key -- revoke <id> (npm run key -- list shows the ids)');
      const key = await revokeApiKey(app, id, { actor: null });
      console.log(`Revoked ${describe(key)}`);
      return 0;
    }
    default:
      throw new UsageError(`${command} is not a command`);
  }
}

await runAppCommand({ help: HELP, projectRoot, flagOf: (field) => `--${field.split('.')[0]}`, run });
