/**
 * Page owners from the files Git hosts already use: a GitHub-style CODEOWNERS file at the top of
 * the content folder (last matching line wins) and CODENOTIFY files in any folder (every
 * matching line counts, patterns relative to that folder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dirOf } from './paths.ts';
import type { Problem } from './problems.ts';

export const CODEOWNERS_FILE = 'CODEOWNERS';
export const CODENOTIFY_FILE = 'CODENOTIFY';

interface Rule {
  pattern: RegExp;
  owners: string[];
}

const OWNER_TOKEN = /^(@[\w.-]+(\/[\w.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/** gitignore-style glob to a regular expression over paths relative to `base`. */
export function patternToRegExp(pattern: string, { anchorPlainNames = false, matchBelow = true } = {}): RegExp {
  let glob = pattern.trim();
  const directoryOnly = glob.endsWith('/');
  if (directoryOnly) glob = glob.slice(0, -1);
  // A pattern with a slash before its end is relative to the file's folder; a bare name
  // (`*.md`, `drafts`) matches at any depth in CODEOWNERS and only in its own folder in CODENOTIFY.
  const anchored = glob.startsWith('/') || glob.includes('/') || anchorPlainNames;
  glob = glob.replace(/^\//, '');
  let body = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (char === '*' && glob[index + 1] === '*') {
      const slashAfter = glob[index + 2] === '/';
      body += slashAfter ? '(?:.*/)?' : '.*';
      index += slashAfter ? 2 : 1;
    } else if (char === '*') {
      body += '[^/]*';
    } else if (char === '?') {
      body += '[^/]';
    } else {
      body += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // In CODEOWNERS (gitignore rules) a pattern naming a folder covers everything in it; in
  // CODENOTIFY a pattern matches files only, and `dir/**` is how a folder is covered.
  const suffix = directoryOnly ? '/.*$' : matchBelow ? '(?:/.*)?$' : '$';
  return new RegExp(prefix + body + suffix);
}

export interface OwnersFile {
  rules: Rule[];
  problems: Problem[];
}

export function parseOwnersFile(file: string, source: string, style: 'codeowners' | 'codenotify' = 'codeowners'): OwnersFile {
  const options = style === 'codenotify' ? { anchorPlainNames: true, matchBelow: false } : {};
  const rules: Rule[] = [];
  const problems: Problem[] = [];
  source.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [pattern, ...tokens] = line.split(/\s+/) as [string, ...string[]];
    const owners = tokens.filter((token) => OWNER_TOKEN.test(token));
    for (const token of tokens.filter((entry) => !OWNER_TOKEN.test(entry))) {
      problems.push({
        severity: 'warning',
        code: 'INVALID_OWNERS_FILE',
        file,
        line: index + 1,
        message: `"${token}" is not an owner`,
        hint: 'name owners as @user, @org/team or an email address, e.g. policies/ @acme/policy-team',
      });
    }
    rules.push({ pattern: patternToRegExp(pattern, options), owners });
  });
  return { rules, problems };
}

export interface OwnerResolver {
  /** The owners of a page, most specific first; empty when no file names one. */
  ownersOf(relPath: string): string[];
  problems: Problem[];
}

/**
 * @param files every file in the content folder (relative paths), so CODENOTIFY files are found
 * without another walk of the tree.
 */
export function loadOwners(contentDir: string, files: readonly string[]): OwnerResolver {
  const problems: Problem[] = [];
  const read = (relPath: string) => readFileSync(join(contentDir, relPath), 'utf8');

  const codeowners = files.includes(CODEOWNERS_FILE) ? parseOwnersFile(CODEOWNERS_FILE, read(CODEOWNERS_FILE)) : undefined;
  if (codeowners) problems.push(...codeowners.problems);

  const notifyFiles = files
    .filter((file) => file === CODENOTIFY_FILE || file.endsWith(`/${CODENOTIFY_FILE}`))
    .map((file) => {
      const parsed = parseOwnersFile(file, read(file), 'codenotify');
      problems.push(...parsed.problems);
      return { folder: dirOf(file), rules: parsed.rules };
    })
    // Deepest folder first: its owners are the most specific.
    .sort((a, b) => b.folder.split('/').length - a.folder.split('/').length);

  return {
    problems,
    ownersOf(relPath) {
      const owners: string[] = [];
      if (codeowners) {
        const last = codeowners.rules.findLast((rule) => rule.pattern.test(relPath));
        if (last) owners.push(...last.owners);
      }
      for (const { folder, rules } of notifyFiles) {
        if (folder && !relPath.startsWith(`${folder}/`)) continue;
        const inner = folder ? relPath.slice(folder.length + 1) : relPath;
        for (const rule of rules) if (rule.pattern.test(inner)) owners.push(...rule.owners);
      }
      return [...new Set(owners)];
    },
  };
}
