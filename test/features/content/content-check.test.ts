/**
 * The content check on fixture folders, one per kind of problem (test/fixtures/check/<case>/).
 * The whole report is pinned: these messages are what a policy owner reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/features/content/problems.ts';
import { hasFailures, loadSite } from '../../../src/features/handbook/load-site.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-site.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/check/${name}/`, import.meta.url)).replace(/\/$/, '');
const report = (name: string) => formatReport(loadSite(fixture(name), { now: new Date('2026-11-22T12:00:00Z') }).problems);

describe('content check', () => {
  it('reports front matter problems with file, line, field and fix', () => {
    expect(report('front-matter')).toMatchInlineSnapshot(`
      "bad-values.md:4 error type: "polcy" is not a page type; did you mean policy?
          write one of policy, procedure, guide or faq, e.g. type: policy
      bad-values.md:5 error reviewed: "31/03/2026" is not a date
          write the date of the last review as YYYY-MM-DD, e.g. reviewed: 2026-03-31
      bad-values.md:6 error reviewEvery: "six months" is not a review interval
          write a number and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 6m or 1y
      bad-yaml.md:2 error the front matter is not valid YAML: Nested mappings are not allowed in compact mappings
          each line is \`field: value\`; put quotes around values that contain a colon, e.g. title: "Refunds: the 30-day rule"
      broken.mdx:6 error the MDX cannot be read: Expected a closing tag for \`<Callout>\` before the end of \`paragraph\`
          in .mdx files, write { and < as \\{ and \\<, and close every <Component> tag
      misspelt.md:4 error reveiwed: is not a front matter field; did you mean \`reviewed\`?
          rename it to reviewed:
      other-fields.md:4 error audience: "team-led" is not a role; did you mean team-lead?
          the roles (from knowhow.yaml) are agent and team-lead
      other-fields.md:5 warning hide_sidebar: is not a front matter field and is ignored
          the fields are title, summary, type, owner, reviewed, reviewEvery, tags, audience, lang, aliases, draft, assignTo, dueWithinDays, acknowledge, version and translatedFrom
      7 errors, 1 warning: fix the problems above"
    `);
  });

  it('reports broken links, missing anchors and images, and links to drafts', () => {
    expect(report('links')).toMatchInlineSnapshot(`
      "links.md:6 warning the link "missing page" points to missing.md, which is not in the content folder
          link to a file with a path relative to this page, e.g. ../policies/refunds.md
      links.md:6 warning the link "missing anchor" points to #refund-windows, but good.md has no heading with that anchor
          anchors are the heading's words in lower case joined by hyphens; this page has #refund-window
      links.md:7 error links to draft.md, which is a draft and will not be published
          remove the link, or publish the page by removing \`draft: true\` from its front matter
      links.md:11 warning the link "missing local anchor" points to #nowhere, but this page has no heading with that anchor
          anchors are the heading's words in lower case joined by hyphens; this page has #on-this-page
      links.md:13 warning the image images/missing.png is not in the content folder
          add the image file, or fix its path (relative to this page, e.g. ../images/escalation-path.svg)
      1 error, 4 warnings: fix the problems above"
    `);
  });

  it('reports two files that claim one address', () => {
    expect(report('addresses')).toMatchInlineSnapshot(`
      "faq/index.mdx error has the same address /faq/ as faq/index.md
          rename or move one of the two files; a folder and a file of the same name, or index.md and index.mdx side by side, collide
      refunds/index.md error has the same address /refunds/ as refunds.md
          rename or move one of the two files; a folder and a file of the same name, or index.md and index.mdx side by side, collide
      2 errors, 0 warnings: fix the problems above"
    `);
  });

  it('reports pages without an owner and malformed owner files', () => {
    expect(report('owners')).toMatchInlineSnapshot(`
      "CODEOWNERS:1 warning "knowledge-team" is not an owner
          name owners as @user, @org/team or an email address, e.g. policies/ @acme/policy-team
      orphan.md warning the page has no owner, so nobody is asked to keep it current
          add \`owner: <team or person>\` to the front matter, or a line for the file in CODEOWNERS, e.g. /policies/ @acme/policy-team
      0 errors, 2 warnings: ok"
    `);
  });

  it('reports invalid settings in knowhow.yaml', () => {
    expect(report('settings')).toMatchInlineSnapshot(`
      "knowhow.yaml:3 error site.editUrl: write the full address, e.g. https://github.com/acme/handbook/edit/main/
      knowhow.yaml:4 error unknown setting reveiw (did you mean review?)
          the settings here are site, types, review, roles, owners, synonyms, builtInSynonyms and strict
      knowhow.yaml:7 error review.faq: write a number and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 6m or 1y
      3 errors, 0 warnings: fix the problems above"
    `);
  });

  it('finds nothing wrong in a clean folder', () => {
    expect(report('clean')).toBe('0 errors, 0 warnings: ok');
  });

  it('fails on errors, and on warnings only when strict', () => {
    const links = loadSite(fixture('links'));
    const owners = loadSite(fixture('owners'));
    expect(hasFailures(links)).toBe(true);
    expect(hasFailures(owners)).toBe(false);
    expect(hasFailures(owners, { strict: true })).toBe(true);
  });
});

describe('npm run check:content', () => {
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['cli/check-content.ts', ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, KNOWHOW_CONTENT_DIR: contentDir },
    });

  it('exits 0 on a clean folder and 1 on errors', () => {
    expect(run(fixture('clean')).status).toBe(0);
    const failed = run(fixture('front-matter'));
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('misspelt.md:4 error reveiwed:');
  });

  it('exits 0 on warnings, and 1 with --strict', () => {
    expect(run(fixture('owners')).status).toBe(0);
    expect(run(fixture('owners'), '--strict').status).toBe(1);
  });

  it('refuses a public address that is not an origin, at its line, and says where links go without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-public-url-'));
    try {
      writeFileSync(join(dir, 'index.md'), '---\ntitle: Home\nowner: Support\n---\n\nHello.\n');
      writeFileSync(join(dir, 'knowhow.yaml'), 'site:\n  name: Acme\n  url: https://acme.example/handbook/\n');
      const refused = run(dir);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(
        'knowhow.yaml:3 error site.url: Knowhow is served at the root of its host, not under a path (/handbook/)',
      );
      writeFileSync(join(dir, 'knowhow.yaml'), 'site:\n  name: Acme\n');
      const unset = spawnSync(process.execPath, ['cli/check-content.ts'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, KNOWHOW_CONTENT_DIR: dir, BETTER_AUTH_URL: 'https://kb.acme.example' },
      });
      expect(unset.status).toBe(0);
      expect(unset.stdout).toContain('Note: site.url is not set in knowhow.yaml');
      expect(unset.stdout).toContain('use https://kb.acme.example (BETTER_AUTH_URL)');
      writeFileSync(join(dir, 'knowhow.yaml'), 'site:\n  name: Acme\n  url: https://kb.acme.example\n');
      expect(run(dir).stdout).not.toContain('site.url');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the problems as JSON', () => {
    const result = run(fixture('owners'), '--json');
    const parsed = JSON.parse(result.stdout) as { pages: number; problems: { code: string }[] };
    expect(parsed.pages).toBe(2);
    expect(parsed.problems.map((problem) => problem.code).sort()).toEqual(['INVALID_OWNERS_FILE', 'NO_OWNER']);
  });

  it('explains a missing folder and an unknown option', () => {
    const missing = run('/no/such/folder');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('The content folder /no/such/folder does not exist.');
    const unknown = run(fixture('clean'), '--strcit');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --strcit');
  });
});
