import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOwners, parseOwnersFile } from '../../../src/features/content/codeowners.ts';
import { formatProblem } from '../../../src/features/content/problems.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowhow-owners-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('CODEOWNERS', () => {
  const codeowners = [
    '# Fallback',
    '*                         @acme/knowledge',
    '/policies/                @acme/policy',
    '/policies/refunds.md      @acme/billing jane@acme.example',
    '*.mdx                     @acme/mdx-reviewers',
    'drafts/                   @acme/editors',
  ].join('\n');
  const files = ['CODEOWNERS', 'policies/refunds.md', 'policies/privacy.md', 'faq/a.mdx', 'faq/b.md', 'team/drafts/x.md'];
  const owners = loadOwners(folder({ CODEOWNERS: codeowners }), files);

  it('takes the last matching line', () => {
    expect(owners.ownersOf('policies/refunds.md')).toEqual(['@acme/billing', 'jane@acme.example']);
    expect(owners.ownersOf('policies/privacy.md')).toEqual(['@acme/policy']);
    expect(owners.ownersOf('faq/a.mdx')).toEqual(['@acme/mdx-reviewers']);
    expect(owners.ownersOf('faq/b.md')).toEqual(['@acme/knowledge']);
  });

  it('matches a name without a leading slash at any depth', () => {
    expect(owners.ownersOf('team/drafts/x.md')).toEqual(['@acme/editors']);
  });

  it('reports words that are not owners', () => {
    const parsed = parseOwnersFile('CODEOWNERS', '/faq/ knowledge-team');
    expect(parsed.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "CODEOWNERS:1 warning "knowledge-team" is not an owner
          name owners as @user, @org/team or an email address, e.g. policies/ @acme/policy-team",
      ]
    `);
  });
});

describe('CODENOTIFY', () => {
  const dir = folder({
    'departments/CODENOTIFY': '**/*.md @dept-lead\nhiring.md @recruiter',
    'departments/sales/CODENOTIFY': '* @sales-lead',
  });
  const files = [
    'departments/CODENOTIFY',
    'departments/sales/CODENOTIFY',
    'departments/hiring.md',
    'departments/sales/deals.md',
    'departments/sales/deep/x.md',
  ];
  const owners = loadOwners(dir, files);

  it('reads patterns relative to the folder of the file, most specific folder first', () => {
    expect(owners.ownersOf('departments/hiring.md')).toEqual(['@dept-lead', '@recruiter']);
    expect(owners.ownersOf('departments/sales/deals.md')).toEqual(['@sales-lead', '@dept-lead']);
  });

  it('keeps a bare * to the folder itself', () => {
    expect(owners.ownersOf('departments/sales/deep/x.md')).toEqual(['@dept-lead']);
    expect(owners.ownersOf('elsewhere/x.md')).toEqual([]);
  });
});
