// Starts the built site on HOST:PORT (default http://localhost:4321): checks the settings, brings
// the database up to date, then serves the pages, the search files and the API
// (server/http/site-handler.ts in front of Astro's handler). Run through npm: `npm start`
// builds first, `npm run serve` serves the last build. SIGTERM or SIGINT stops it gracefully
// (server/http/graceful-stop.ts); deploy/ has a systemd unit that restarts it on failure.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { storePolicyVersions, acknowledgementCatalog } from '../src/features/acknowledgements/server.ts';
import { startApp } from '../src/server/app.ts';
import { DEV_SECRET_FILE } from '../src/server/dev-app.ts';
import { EnvError, loadEnv, siteOrigin } from '../src/kit/server/env.ts';
import { apiRouter } from '../src/server/http/api-routes.ts';
import { type AstroApp, astroRenderer } from '../src/server/http/astro-bridge.ts';
import { gracefulStop } from '../src/server/http/graceful-stop.ts';
import { createSiteHandler } from '../src/server/http/site-handler.ts';
import { ensureDemoPeople } from '../src/features/accounts/server.ts';
import { publicUrlOf } from '../src/features/content/index.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv(process.env, projectRoot);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`${error.message}\n\nKnowhow did not start. The manual's docs/reference/configuration.md lists every setting.`);
  process.exit(1);
}

const entry = join(env.outDir, 'server/entry.mjs');
if (!existsSync(entry)) {
  console.error(`No build found at ${env.outDir}. Run \`npm start\` (builds, then serves) or \`npm run build\` first.`);
  process.exit(1);
}

const app = await startApp(env, { devSecretFile: join(projectRoot, DEV_SECRET_FILE) }).catch((error: unknown) => {
  console.error(`Knowhow could not open its database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
// The build's content, read once here; every route and page gets it from the app context.
const manifest = await app.manifest();
// Each version's text is kept, so people who signed it long ago can see what changed since.
await storePolicyVersions({ ...app, catalog: acknowledgementCatalog(manifest) });
// The build wrote the handbook's public address (site.url) into every link that leaves the site.
const publicUrl = publicUrlOf(manifest.settings);
if (env.baseUrl && new URL(env.baseUrl).origin !== publicUrl) {
  console.warn(
    `Warning: BETTER_AUTH_URL (${new URL(env.baseUrl).origin}) is not the handbook's public address the build used (${publicUrl}): ` +
      'the Markdown copies, llms.txt, hreflang links and the MCP tools point there. Set site.url in knowhow.yaml to the address people open and build again.',
  );
}
if (!env.production && manifest.sampleContent === true) await ensureDemoPeople(app, manifest.settings.roles, console.log);

const clientDir = join(env.outDir, 'client');
const built = (await import(pathToFileURL(entry).href)) as { app: AstroApp; apiRouteModules: Record<string, Record<string, unknown>> };
const server = createServer(
  // A client gets 20 s to send its headers and 60 s for the whole request: a connection that
  // trickles (or never finishes its header block) is closed instead of held for good.
  { headersTimeout: 20_000, requestTimeout: 60_000 },
  createSiteHandler({ app, clientDir, astro: astroRenderer(built.app, clientDir), api: apiRouter(built.apiRouteModules) }),
);
const stopper = gracefulStop(server, { timeoutMs: env.shutdownTimeoutMs });
server.listen(env.port, env.host, () => {
  const access = env.access === 'signed-in' ? 'private handbook: sign-in needed' : 'public handbook';
  console.log(`Knowhow is serving on http://${env.host}:${env.port}/ (${access}; database: ${app.database.location})`);
  if (env.baseUrl) console.log(`People reach it at ${siteOrigin(env)}.`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.log(`${signal} again: stopping at once.`);
      process.exit(1);
    }
    stopping = true;
    const waiting = stopper.inFlight();
    console.log(
      `${signal}: stopping; ${waiting} request${waiting === 1 ? '' : 's'} in flight get up to ${env.shutdownTimeoutMs / 1000} s to finish.`,
    );
    void stopper
      .stop()
      .then((finished) => {
        if (!finished) console.error('Requests still in flight were cut off: KNOWHOW_SHUTDOWN_TIMEOUT passed.');
        return app.close();
      })
      .then(
        () => {
          console.log('Knowhow stopped.');
          process.exit(0);
        },
        (error: unknown) => {
          console.error(`Knowhow stopped, but closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  });
}
let stopping = false;

// The last line of defence: every request's errors end in that request (http/error-boundary.ts),
// so a rejection that still gets here is a bug to fix, not a reason to stop serving everyone.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled rejection (a bug: please report it):', reason);
});
