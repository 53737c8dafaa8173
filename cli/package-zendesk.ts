/**
 * npm run package:zendesk [-- --domain handbook.example.com] [--out dist/zendesk-app.zip]
 *
 * Checks the Zendesk Support app in integrations/zendesk against Zendesk's rules and writes the
 * zip to upload (Admin Center > Apps and integrations > Zendesk Support apps > Upload private app),
 * the files at its root as `zcli apps:package` makes it. `--domain` names the handbook's host in
 * the manifest's domainWhitelist, which Zendesk's proxy needs before it sends the API key (a
 * secure setting) to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkApp, readAppFiles, withDomain, zipApp } from './lib/zendesk-app.ts';
import { fail, PROJECT_ROOT } from './lib/review-content.ts';

const USAGE = 'Usage: npm run package:zendesk [-- --domain handbook.example.com] [--out dist/zendesk-app.zip]';
let values: { domain?: string | undefined; out?: string | undefined };
try {
  ({ values } = parseArgs({ options: { domain: { type: 'string' }, out: { type: 'string' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
const domain = values.domain?.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
const files = withDomain(readAppFiles(resolve(PROJECT_ROOT, 'integrations/zendesk')), domain);
const problems = checkApp(files);
if (problems.length > 0) fail(`The Zendesk app breaks Zendesk's rules:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
const out = resolve(process.env.INIT_CWD ?? PROJECT_ROOT, values.out ?? resolve(PROJECT_ROOT, 'dist/zendesk-app.zip'));
mkdirSync(dirname(out), { recursive: true });
const zip = zipApp(files);
writeFileSync(out, zip);
console.log(`Wrote ${relative(process.cwd(), out) || out}: ${files.size} files, ${Math.round(zip.length / 1024)} KB.`);
if (!domain)
  console.log(
    'No --domain given: for a private handbook, package again with --domain <the handbook host> so that Zendesk sends the API key to it.',
  );
