/**
 * The Zendesk Support app (integrations/zendesk) against the rules Zendesk documents for a ZAF
 * v2 package (cli/lib/zendesk-app.ts), each rule shown catching what it forbids, and
 * `npm run package:zendesk` writing the zip with the files at its root.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type AppFiles, checkApp, pngSize, readAppFiles, withDomain } from '../../cli/lib/zendesk-app.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';

const APP = join(PROJECT_ROOT, 'integrations/zendesk');
const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const manifestOf = (files: AppFiles) => JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
const changed = (change: (files: AppFiles) => void) => {
  const files = new Map(readAppFiles(APP));
  change(files);
  return checkApp(files);
};
const withManifest = (edit: (manifest: Record<string, unknown>) => void) =>
  changed((files) => {
    const manifest = manifestOf(files);
    edit(manifest);
    files.set('manifest.json', encode(manifest));
  });

describe('the Zendesk app', () => {
  it('meets Zendesk’s rules: manifest, ticket sidebar, a secure key, translations, logo sizes', () => {
    const files = readAppFiles(APP);
    expect(checkApp(files)).toEqual([]);
    const manifest = manifestOf(files);
    expect(manifest).toMatchObject({
      frameworkVersion: '2.0',
      defaultLocale: 'en',
      location: { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: true } } },
    });
    expect(manifest.parameters).toEqual([
      { name: 'knowhow_url', type: 'url', required: true },
      { name: 'api_key', type: 'text', secure: true, required: false },
    ]);
    expect(pngSize(files.get('assets/logo.png') as Uint8Array)).toEqual({ width: 320, height: 320 });
    expect(pngSize(files.get('assets/logo-small.png') as Uint8Array)).toEqual({ width: 128, height: 128 });
    expect([...files.keys()].filter((path) => path.startsWith('translations/')).sort()).toEqual(
      ['de', 'en', 'fi', 'pl', 'sv'].map((lang) => `translations/${lang}.json`),
    );
    const page = new TextDecoder().decode(files.get('assets/iframe.html'));
    expect(page).toContain('<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>');
  });

  it('catches each broken rule', () => {
    expect(withManifest((manifest) => delete manifest.author)).toEqual(
      expect.arrayContaining(['manifest.json: author.name is required', 'manifest.json: author.email must be an email address']),
    );
    expect(withManifest((manifest) => Object.assign(manifest, { frameworkVersion: '1.0' }))).toContain(
      'manifest.json: frameworkVersion must be "2.0"',
    );
    expect(
      withManifest((manifest) => Object.assign(manifest, { location: { support: { ticket_sidebar: { url: 'assets/missing.html' } } } })),
    ).toContain('manifest.json: location support.ticket_sidebar names assets/missing.html, which is missing');
    expect(
      withManifest((manifest) =>
        Object.assign(manifest, { parameters: [{ name: 'api_key', type: 'hidden', secure: true, default: 'x' }] }),
      ),
    ).toContain('manifest.json: the secure parameter api_key cannot be hidden or have a default');
    expect(withManifest((manifest) => Object.assign(manifest, { parameters: [{ name: 'knowhow_url', type: 'link' }] }))).toContain(
      'manifest.json: parameter knowhow_url has the unknown type link',
    );
    expect(withManifest((manifest) => Object.assign(manifest, { domainWhitelist: ['https://handbook.example.com/'] }))).toContain(
      'manifest.json: domainWhitelist must list domain names, without scheme or path',
    );
    expect(changed((files) => files.set('assets/logo.png', files.get('assets/logo-small.png') as Uint8Array))).toContain(
      'assets/logo.png is 128x128; Zendesk wants 320x320',
    );
    expect(changed((files) => files.set('assets/logo-small.png', encode('not a picture')))).toContain('assets/logo-small.png is not a PNG');
    expect(
      changed((files) => files.set('translations/en.json', encode({ app: { name: 'Knowhow', description: 'x', parameters: {} } }))),
    ).toEqual(
      expect.arrayContaining([
        'translations/en.json: app.parameters.knowhow_url.label is required',
        'translations/de.json has other keys than translations/en.json',
      ]),
    );
    expect(changed((files) => files.set('notes.txt', encode('hello')))).toContain('notes.txt does not belong in a Zendesk app package');
    expect(changed((files) => files.set('.env', encode('SECRET=1')))).toContain('.env does not belong in a Zendesk app package');
  });

  it('names the handbook’s host in domainWhitelist when asked, for the proxy to send the secure key there', () => {
    const files = withDomain(readAppFiles(APP), 'handbook.kestrel.example');
    expect(manifestOf(files).domainWhitelist).toEqual(['handbook.kestrel.example']);
    expect(checkApp(files)).toEqual([]);
  });

  it('npm run package:zendesk writes the zip with the files at its root, the same bytes for the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-zendesk-'));
    try {
      const run = (out: string) =>
        spawnSync(process.execPath, ['cli/package-zendesk.ts', '--domain', 'https://handbook.kestrel.example/', '--out', out], {
          cwd: PROJECT_ROOT,
          encoding: 'utf8',
        });
      const first = run(join(dir, 'app.zip'));
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/Wrote .*app\.zip: 12 files/);
      const zip = readFileSync(join(dir, 'app.zip'));
      const entries = unzipSync(new Uint8Array(zip));
      expect(Object.keys(entries).sort()).toEqual([
        'assets/app.css',
        'assets/app.js',
        'assets/iframe.html',
        'assets/logo-small.png',
        'assets/logo.png',
        'assets/screenshot-0.png',
        'manifest.json',
        'translations/de.json',
        'translations/en.json',
        'translations/fi.json',
        'translations/pl.json',
        'translations/sv.json',
      ]);
      expect(JSON.parse(new TextDecoder().decode(entries['manifest.json'])).domainWhitelist).toEqual(['handbook.kestrel.example']);
      expect(checkApp(new Map(Object.entries(entries)))).toEqual([]);
      expect(run(join(dir, 'again.zip')).status).toBe(0);
      expect(readFileSync(join(dir, 'again.zip')).equals(zip)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
