/**
 * The Zendesk Support app (integrations/zendesk): read its files, check them against the rules
 * Zendesk documents for a ZAF v2 app package, and zip them as `zcli apps:package` does (the files
 * at the zip's root). `npm run package:zendesk` and test/cli/zendesk-app.test.ts use it.
 *
 * The rules checked (Zendesk's manifest reference and app requirements): manifest.json with
 * name, author name and email, defaultLocale, private, a location, version and frameworkVersion
 * "2.0"; each location's url an existing file under assets/; parameters with a name and a known
 * type, a secure parameter never `hidden` and without a default; translations/<defaultLocale>.json
 * with app.name, app.description and a label for every parameter, and every other translation
 * file with the same keys; assets/logo.png 320x320 and assets/logo-small.png 128x128 PNGs; only
 * manifest.json, requirements.json, assets/ and translations/ in the package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

export type AppFiles = Map<string, Uint8Array>;

const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const LOGOS: Record<string, number> = { 'assets/logo.png': 320, 'assets/logo-small.png': 128 };
const ALLOWED = /^(manifest\.json|requirements\.json|assets\/[\w./-]+|translations\/[a-z]{2}(-[a-z]{2})?\.json)$/;
/** What stays in the repository's app folder but not in the package. */
const LEFT_OUT = new Set(['README.md']);

interface Manifest {
  name?: unknown;
  author?: { name?: unknown; email?: unknown };
  defaultLocale?: unknown;
  private?: unknown;
  location?: Record<string, Record<string, { url?: unknown } | string>>;
  version?: unknown;
  frameworkVersion?: unknown;
  parameters?: { name?: unknown; type?: unknown; secure?: unknown; required?: unknown; default?: unknown }[];
  domainWhitelist?: unknown;
}

/** The app's files by their path in the package (forward slashes), README left out. */
export function readAppFiles(folder: string): AppFiles {
  const files: AppFiles = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const inPackage = relative(folder, path).split('\\').join('/');
        if (!LEFT_OUT.has(inPackage)) files.set(inPackage, new Uint8Array(readFileSync(path)));
      }
    }
  };
  walk(folder);
  return files;
}

/** The width and height of a PNG, or undefined when the bytes are not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

function json(files: AppFiles, path: string, problems: string[]): unknown {
  const source = text(files.get(path));
  if (source === undefined) return void problems.push(`${path} is missing`);
  try {
    return JSON.parse(source);
  } catch (error) {
    problems.push(`${path} is not JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** Every key of a nested object, as dotted paths. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

/** What breaks Zendesk's rules; none: []. */
export function checkApp(files: AppFiles): string[] {
  const problems: string[] = [];
  for (const path of files.keys()) if (!ALLOWED.test(path)) problems.push(`${path} does not belong in a Zendesk app package`);
  const manifest = json(files, 'manifest.json', problems) as Manifest | undefined;
  if (!manifest) return problems;
  if (!isText(manifest.name)) problems.push('manifest.json: name is required');
  if (!isText(manifest.author?.name)) problems.push('manifest.json: author.name is required');
  if (typeof manifest.author?.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(manifest.author.email))
    problems.push('manifest.json: author.email must be an email address');
  if (!isText(manifest.defaultLocale)) problems.push('manifest.json: defaultLocale is required');
  if (typeof manifest.private !== 'boolean') problems.push('manifest.json: private must be true or false');
  if (!isText(manifest.version)) problems.push('manifest.json: version is required');
  if (manifest.frameworkVersion !== '2.0') problems.push('manifest.json: frameworkVersion must be "2.0"');
  const locations = Object.entries(manifest.location ?? {}).flatMap(([product, places]) =>
    Object.entries(places ?? {}).map(([place, value]) => ({
      where: `${product}.${place}`,
      url: typeof value === 'string' ? value : value?.url,
    })),
  );
  if (locations.length === 0) problems.push('manifest.json: location names no place for the app');
  for (const { where, url } of locations) {
    if (typeof url !== 'string' || !url.startsWith('assets/')) problems.push(`manifest.json: location ${where} needs a url in assets/`);
    else if (!files.has(url)) problems.push(`manifest.json: location ${where} names ${url}, which is missing`);
  }
  const parameters = manifest.parameters ?? [];
  const names = new Set<string>();
  for (const parameter of parameters) {
    const name = String(parameter.name ?? '');
    if (!/^[a-z][a-z0-9_]*$/i.test(name)) problems.push(`manifest.json: parameter name ${JSON.stringify(parameter.name)} is not valid`);
    if (names.has(name)) problems.push(`manifest.json: parameter ${name} is declared twice`);
    names.add(name);
    if (!PARAMETER_TYPES.includes(String(parameter.type)))
      problems.push(`manifest.json: parameter ${name} has the unknown type ${parameter.type}`);
    if (parameter.secure === true && (parameter.type === 'hidden' || parameter.default !== undefined))
      problems.push(`manifest.json: the secure parameter ${name} cannot be hidden or have a default`);
  }
  if (manifest.domainWhitelist !== undefined) {
    const list = manifest.domainWhitelist;
    if (!Array.isArray(list) || !list.every((domain) => typeof domain === 'string' && /^[a-z0-9.*-]+(:\d+)?$/i.test(domain)))
      problems.push('manifest.json: domainWhitelist must list domain names, without scheme or path');
  }
  const defaultLocale = String(manifest.defaultLocale ?? 'en');
  const main = json(files, `translations/${defaultLocale}.json`, problems) as { app?: Record<string, unknown> } | undefined;
  if (main) {
    for (const key of ['name', 'description'])
      if (!isText(main.app?.[key])) problems.push(`translations/${defaultLocale}.json: app.${key} is required`);
    const labels = (main.app?.parameters ?? {}) as Record<string, { label?: unknown }>;
    for (const name of names)
      if (!isText(labels[name]?.label)) problems.push(`translations/${defaultLocale}.json: app.parameters.${name}.label is required`);
    const expected = keysOf(main).sort().join('\n');
    for (const path of files.keys()) {
      if (!path.startsWith('translations/') || path === `translations/${defaultLocale}.json`) continue;
      const other = json(files, path, problems);
      if (other !== undefined && keysOf(other).sort().join('\n') !== expected)
        problems.push(`${path} has other keys than translations/${defaultLocale}.json`);
    }
  }
  for (const [path, side] of Object.entries(LOGOS)) {
    const bytes = files.get(path);
    const size = bytes && pngSize(bytes);
    if (!bytes) problems.push(`${path} is missing`);
    else if (!size) problems.push(`${path} is not a PNG`);
    else if (size.width !== side || size.height !== side)
      problems.push(`${path} is ${size.width}x${size.height}; Zendesk wants ${side}x${side}`);
  }
  return problems;
}

/** The manifest with `domainWhitelist` set to the handbook's host, where the key's secure setting may go. */
export function withDomain(files: AppFiles, domain: string | undefined): AppFiles {
  if (!domain) return files;
  const manifest = JSON.parse(text(files.get('manifest.json')) ?? '{}') as Manifest;
  manifest.domainWhitelist = [domain];
  const changed = new Map(files);
  changed.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return changed;
}

/** The zip Zendesk takes: the files at its root, in a fixed order and with a fixed date, so the same files make the same zip. */
export function zipApp(files: AppFiles): Uint8Array {
  const mtime = new Date('2026-01-01T00:00:00Z');
  const entries = Object.fromEntries(
    [...files].sort(([a], [b]) => a.localeCompare(b)).map(([path, bytes]) => [path, [bytes, { mtime }] as const]),
  );
  return zipSync(entries as Parameters<typeof zipSync>[0], { level: 9 });
}
