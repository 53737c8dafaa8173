import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/features/content/problems.ts';
import {
  DEFAULT_PUBLIC_URL,
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  publicUrlOf,
  SETTINGS_FILE,
  withPublicUrl,
} from '../../../src/features/content/settings.ts';

const messages = (yaml: string) => parseSettings(yaml).problems.map(formatProblem).join('\n');
const lines = (yaml: string) => parseSettings(yaml).problems.map((problem) => problem.line);

describe('loadSettings', () => {
  it('gives the defaults to a content folder without knowhow.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-settings-'));
    try {
      expect(loadSettings(dir)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads knowhow.yaml from the content folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowhow-settings-'));
    try {
      writeFileSync(join(dir, SETTINGS_FILE), 'site:\n  name: Acme Support\n');
      expect(loadSettings(dir).settings.site.name).toBe('Acme Support');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseSettings', () => {
  it('gives the defaults for an empty file or one of comments only', () => {
    expect(parseSettings('')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings('# Nothing to change yet\n')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('merges a full file with the defaults', () => {
    const { settings, problems } = parseSettings(
      [
        'site:',
        '  name: Acme Support',
        '  editUrl: https://github.com/acme/handbook/edit/main/',
        '  lang: en-GB',
        'types:',
        '  howto: guide',
        '  policies: procedure',
        'review:',
        '  policy: 3m',
        '  faq: 90d',
        '  dueSoon: 3w',
        'roles: [agent, lead]',
        'owners:',
        '  "@acme/billing": Billing Operations',
        'synonyms:',
        '  - [chargeback, dispute]',
        'builtInSynonyms: false',
        'strict: true',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      site: { name: 'Acme Support', editUrl: 'https://github.com/acme/handbook/edit/main/', lang: 'en-GB', timeZone: 'UTC' },
      types: { ...DEFAULT_SETTINGS.types, howto: 'guide', policies: 'procedure' },
      review: { policy: '3m', procedure: '6m', guide: '1y', faq: '90d' },
      reviewDueSoon: '3w',
      roles: ['agent', 'lead'],
      owners: { '@acme/billing': 'Billing Operations' },
      synonyms: [['chargeback', 'dispute']],
      builtInSynonyms: false,
      strict: true,
    });
  });

  it('keeps the default site name and language when only some site settings are given', () => {
    const { settings } = parseSettings('site:\n  editUrl: https://git.example/edit/\n');
    expect(settings.site).toEqual({ name: 'Knowhow', lang: 'en', timeZone: 'UTC', editUrl: 'https://git.example/edit/' });
  });

  it('reports a YAML syntax error at its line and falls back to the defaults', () => {
    const yaml = 'strict: true\nsite:\n  name: Acme: Support\n';
    const { settings } = parseSettings(yaml);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(messages(yaml)).toMatchInlineSnapshot(
      `"knowhow.yaml:3 error not valid YAML: Nested mappings are not allowed in compact mappings"`,
    );
    expect(lines(yaml)).toEqual([3]);
  });

  it('reports a key given twice at its second line', () => {
    expect(lines('strict: true\nsite:\n  name: Acme\nstrict: false\n')).toEqual([4]);
  });

  it('suggests the setting a misspelt top-level key meant, at its line', () => {
    const yaml = 'site:\n  name: Acme\n\nreveiw:\n  policy: 3m\n';
    expect(messages(yaml)).toMatchInlineSnapshot(`
      "knowhow.yaml:4 error unknown setting reveiw (did you mean review?)
          the settings here are site, types, review, roles, owners, synonyms, builtInSynonyms and strict"
    `);
    expect(lines(yaml)).toEqual([4]);
  });

  it('lists the site settings for an unknown key under site:, at its line', () => {
    const yaml = 'strict: true\nsite:\n  name: Acme\n  lang: en\n  titel: Support\n';
    expect(messages(yaml)).toMatchInlineSnapshot(`
      "knowhow.yaml:5 error site: unknown setting titel
          the settings here are name, url, editUrl, lang and timeZone"
    `);
    expect(lines(yaml)).toEqual([5]);
  });

  it('takes the public address as its origin', () => {
    expect(parseSettings('site:\n  url: https://Handbook.Example.com/\n').settings.site.url).toBe('https://handbook.example.com');
    expect(parseSettings('site:\n  url: http://localhost:8080\n').settings.site.url).toBe('http://localhost:8080');
    expect(parseSettings('site:\n  name: Acme\n').settings.site.url).toBeUndefined();
  });

  it('refuses a public address that is not an http(s) origin, at its line', () => {
    const yaml = (url: string) => `strict: true\nsite:\n  name: Acme\n  url: ${url}\n`;
    expect(messages(yaml('handbook.example.com'))).toMatchInlineSnapshot(
      `"knowhow.yaml:4 error site.url: "handbook.example.com" is not an address: write the address people open, e.g. https://handbook.example.com"`,
    );
    expect(messages(yaml('ftp://handbook.example.com'))).toMatchInlineSnapshot(
      `"knowhow.yaml:4 error site.url: the address must start with https:// or http://: write the address people open, e.g. https://handbook.example.com"`,
    );
    expect(messages(yaml('https://example.com/handbook/'))).toMatchInlineSnapshot(
      `"knowhow.yaml:4 error site.url: Knowhow is served at the root of its host, not under a path (/handbook/): write the origin only, e.g. https://example.com"`,
    );
    expect(messages(yaml('https://example.com/?lang=de'))).toMatchInlineSnapshot(
      `"knowhow.yaml:4 error site.url: the address must not have a query (?...): write the origin only"`,
    );
    expect(messages(yaml('https://example.com/#top'))).toMatchInlineSnapshot(
      `"knowhow.yaml:4 error site.url: the address must not have a fragment (#...): write the origin only"`,
    );
    expect(messages(yaml('https://ann:secret@example.com'))).toMatchInlineSnapshot(
      `"knowhow.yaml:4 error site.url: the address must not hold a user name or password"`,
    );
    expect(lines(yaml('https://example.com/handbook/'))).toEqual([4]);
  });

  it('falls back to the origin of BETTER_AUTH_URL, else the default, when site.url is unset', () => {
    const unset = parseSettings('site:\n  name: Acme\n').settings;
    expect(publicUrlOf(withPublicUrl(unset, 'https://kb.acme.example/some/path'))).toBe('https://kb.acme.example');
    expect(publicUrlOf(withPublicUrl(unset, undefined))).toBe(DEFAULT_PUBLIC_URL);
    expect(publicUrlOf(withPublicUrl(unset, 'not an address'))).toBe(DEFAULT_PUBLIC_URL);
    const set = parseSettings('site:\n  url: https://handbook.acme.example\n').settings;
    expect(publicUrlOf(withPublicUrl(set, 'https://kb.acme.example'))).toBe('https://handbook.acme.example');
  });

  it('asks for a full address when editUrl is not one', () => {
    const yaml = 'site:\n  name: Acme\n  editUrl: github.com/acme/handbook\n';
    expect(messages(yaml)).toMatchInlineSnapshot(
      `"knowhow.yaml:3 error site.editUrl: write the full address, e.g. https://github.com/acme/handbook/edit/main/"`,
    );
    expect(lines(yaml)).toEqual([3]);
  });

  it('says how to write a review interval', () => {
    const yaml = 'review:\n  policy: 6m\n  procedure: six months\n  faq: 0d\n';
    expect(messages(yaml)).toMatchInlineSnapshot(`
      "knowhow.yaml:3 error review.procedure: write a number and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 6m or 1y
      knowhow.yaml:4 error review.faq: write a number and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 6m or 1y"
    `);
    expect(lines(yaml)).toEqual([3, 4]);
  });

  it('lists the page types for an unknown type under types:', () => {
    const yaml = 'site:\n  name: Acme\ntypes:\n  runbooks: runbook\n  howto: guide\n';
    expect(messages(yaml)).toMatchInlineSnapshot(`"knowhow.yaml:4 error types.runbooks: write one of policy, procedure, guide or faq"`);
    expect(lines(yaml)).toEqual([4]);
  });

  it('reports every problem, not just the first, and applies none of the file', () => {
    const { settings, problems } = parseSettings('site:\n  name: Acme\n  lang: English\nstrict: yes\n');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [3, 'site.lang'],
      [4, 'strict'],
    ]);
    expect(problems.every((problem) => problem.code === 'INVALID_SETTINGS' && problem.file === SETTINGS_FILE)).toBe(true);
  });

  it('suggests the keys of the section an unknown setting is in', () => {
    expect(messages('review:\n  polcy: 3m\n')).toMatchInlineSnapshot(`
      "knowhow.yaml:2 error review: unknown setting polcy (did you mean policy?)
          the settings here are policy, procedure, guide, faq and dueSoon"
    `);
  });

  it('says how to write roles and owners', () => {
    expect(messages('roles: admin\nowners: [a, b]\n')).toMatchInlineSnapshot(`
      "knowhow.yaml:1 error roles: write a list of roles, e.g. roles: [agent, team-lead]
      knowhow.yaml:2 error owners: write handle: name lines, e.g. "@acme/billing": Billing Operations"
    `);
  });

  it('says how to write synonyms', () => {
    expect(messages('synonyms: [chargeback, dispute]\n')).toMatchInlineSnapshot(`
      "knowhow.yaml:1 error synonyms.0: write each group as a list, e.g. - [chargeback, dispute]
      knowhow.yaml:1 error synonyms.1: write each group as a list, e.g. - [chargeback, dispute]"
    `);
  });
});

describe('site.timeZone', () => {
  it('takes an IANA time zone name, and says what to write for a typo', () => {
    expect(parseSettings('site:\n  timeZone: Europe/Berlin\n').settings.site.timeZone).toBe('Europe/Berlin');
    const { problems } = parseSettings('site:\n  timeZone: Europe/Berln\n');
    expect(problems[0]?.hint ?? problems[0]?.message).toContain('write a time zone name, e.g. Europe/London');
  });
});
