// Starts the built site on HOST:PORT (default http://localhost:4321): checks the settings, brings
// the database up to date, then serves the pages, the search files and the API
// (lib/server/http/site-handler.ts in front of Astro's handler). Run through npm: `npm start`
// builds first, `npm run serve` serves the last build.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readPolicyTexts } from '../src/lib/acknowledgements/policy-texts.ts';
import { storePolicyVersions } from '../src/lib/server/acknowledgements/acknowledgements.ts';
import { acknowledgementCatalog } from '../src/lib/server/acknowledgements/catalog.ts';
import { startApp } from '../src/lib/server/app.ts';
import { DEV_SECRET_FILE } from '../src/lib/server/dev-app.ts';
import { EnvError, loadEnv, siteOrigin } from '../src/lib/server/env.ts';
import { apiRouter } from '../src/lib/server/http/api-routes.ts';
import { type AstroApp, astroRenderer } from '../src/lib/server/http/astro-bridge.ts';
import { createSiteHandler } from '../src/lib/server/http/site-handler.ts';
import { readBuiltManifest } from '../src/lib/server/manifest.ts';
import { ensureDemoPeople } from '../src/lib/server/users/demo-people.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv(process.env, projectRoot);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`${error.message}\n\nKnowhow did not start. The README's Configuration section lists every setting.`);
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
const manifest = readBuiltManifest(join(env.outDir, 'server'));
// Each version's text is kept, so people who signed it long ago can see what changed since.
await storePolicyVersions({ ...app, catalog: acknowledgementCatalog(manifest, readPolicyTexts(join(env.outDir, 'server'))) });
if (!env.production && manifest.sampleContent === true) await ensureDemoPeople(app, manifest.settings.roles, console.log);

const clientDir = join(env.outDir, 'client');
const built = (await import(pathToFileURL(entry).href)) as { app: AstroApp; apiRouteModules: Record<string, Record<string, unknown>> };
const server = createServer(
  createSiteHandler({ app, clientDir, astro: astroRenderer(built.app, clientDir), api: apiRouter(built.apiRouteModules) }),
);
server.listen(env.port, env.host, () => {
  const access = env.access === 'signed-in' ? 'private handbook: sign-in needed' : 'public handbook';
  console.log(`Knowhow is serving on http://${env.host}:${env.port}/ (${access}; database: ${app.database.location})`);
  if (env.baseUrl) console.log(`People reach it at ${siteOrigin(env)}.`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  });
}
