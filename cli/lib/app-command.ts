/**
 * How a command-line tool that works on the server's database runs one command: `help` (or no
 * command) prints the help; otherwise the app context is opened on the same settings as the
 * server, the command runs, and the context is closed whatever happens. A mistake of the
 * person typing (a usage error, a bad setting, an unknown option) prints what is wrong and the
 * help; a refusal of the service (ApiError) prints its message and one line per field, under
 * the flag that gave it. The process exits with the command's status, or 1.
 */
import { join } from 'node:path';
import { type AppContext, startApp } from '../../src/server/app.ts';
import { DEV_SECRET_FILE } from '../../src/server/dev-app.ts';
import { EnvError, loadEnv } from '../../src/kit/server/env.ts';
import { ApiError } from '../../src/kit/server/errors.ts';

/** A mistake in how the command was typed: said with the help below it. */
export class UsageError extends Error {}

export interface AppCommand {
  help: string;
  projectRoot: string;
  /** The flag a field of a refusal came from, e.g. jobRoles -> --job-roles. */
  flagOf: (field: string) => string;
  run: (app: AppContext, command: string, args: string[]) => Promise<number>;
}

export async function runAppCommand({ help, projectRoot, flagOf, run }: AppCommand): Promise<never> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(help);
    process.exit(command ? 0 : 1);
  }
  let app: AppContext | undefined;
  let status = 1;
  try {
    app = await startApp(loadEnv(process.env, projectRoot), { devSecretFile: join(projectRoot, DEV_SECRET_FILE) });
    status = await run(app, command, args);
  } catch (error) {
    if (error instanceof ApiError) {
      console.error(error.message);
      for (const [field, message] of Object.entries(error.options.fields ?? {})) {
        if (message !== error.message) console.error(`  ${flagOf(field)}: ${message}`);
      }
    } else if (
      error instanceof UsageError ||
      error instanceof EnvError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      console.error(`${(error as Error).message}\n\n${help}`);
    } else {
      throw error;
    }
  } finally {
    await app?.close();
  }
  process.exit(status);
}
