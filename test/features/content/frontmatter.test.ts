import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/features/content/frontmatter.ts';
import { formatProblem } from '../../../src/features/content/problems.ts';

const parse = (yaml: string, options = {}) => parseFrontMatter('policies/refunds.md', `---\n${yaml}\n---\n\n# Body\n`, options);
const messages = (yaml: string, options = {}) => parse(yaml, options).problems.map(formatProblem).join('\n');

describe('parseFrontMatter', () => {
  it('reads every documented field', () => {
    const { data, problems, bodyLine } = parse(
      [
        'title: Refunds and returns',
        'summary: Customers get a full refund within 30 days.',
        'type: policy',
        'owner: Billing Operations',
        'reviewed: 2026-06-14',
        'reviewEvery: 6m',
        'tags: [billing, refunds]',
        'audience: [agent]',
        'lang: de',
        'aliases: ["money back"]',
        'draft: true',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(data).toEqual({
      title: 'Refunds and returns',
      summary: 'Customers get a full refund within 30 days.',
      type: 'policy',
      owner: 'Billing Operations',
      reviewed: '2026-06-14',
      reviewEvery: '6m',
      tags: ['billing', 'refunds'],
      audience: ['agent'],
      lang: 'de',
      aliases: ['money back'],
      draft: true,
    });
    expect(bodyLine).toBe(14);
  });

  it('treats a page without front matter as all defaults', () => {
    const result = parseFrontMatter('faq/a.md', '# Router lights\n\nWhat each light means.\n');
    expect(result).toMatchObject({ data: {}, problems: [], bodyLine: 1 });
  });

  it('reports a misspelt field with its line and the field it meant', () => {
    expect(messages('title: Refunds\nreveiwed: 2026-01-01')).toMatchInlineSnapshot(`
      "policies/refunds.md:3 error reveiwed: is not a front matter field; did you mean \`reviewed\`?
          rename it to reviewed:"
    `);
  });

  it('warns about fields from other tools and reads description as summary', () => {
    const result = parse('description: Short answer.\nhide_sidebar: true');
    expect(result.data.summary).toBe('Short answer.');
    expect(result.problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "policies/refunds.md:2 warning description: read as \`summary\`
          rename it to summary:
      policies/refunds.md:3 warning hide_sidebar: is not a front matter field and is ignored
          the fields are title, summary, type, owner, reviewed, reviewEvery, tags, audience, lang, aliases, draft, assignTo, dueWithinDays, acknowledge, version and translatedFrom"
    `);
  });

  it('says what to write for each invalid value', () => {
    expect(
      messages(
        ['type: polcy', 'reviewed: 31/03/2026', 'reviewEvery: six months', 'tags: billing', 'draft: maybe', 'lang: English'].join('\n'),
      ),
    ).toMatchInlineSnapshot(`
      "policies/refunds.md:2 error type: "polcy" is not a page type; did you mean policy?
          write one of policy, procedure, guide or faq, e.g. type: policy
      policies/refunds.md:3 error reviewed: "31/03/2026" is not a date
          write the date of the last review as YYYY-MM-DD, e.g. reviewed: 2026-03-31
      policies/refunds.md:4 error reviewEvery: "six months" is not a review interval
          write a number and a unit: d (days), w (weeks), m (months) or y (years), e.g. 90d, 6m or 1y
      policies/refunds.md:5 error tags: "billing" is not valid here
          write a list, e.g. tags: [billing, refunds]
      policies/refunds.md:7 error lang: "English" is not valid here
          write a language code, e.g. lang: en, lang: de or lang: pt-BR
      policies/refunds.md:6 error draft: "maybe" is not valid here
          write true or false, e.g. draft: true"
    `);
  });

  it('refuses impossible dates and dates in the future', () => {
    expect(messages('reviewed: 2026-02-30', { today: '2026-11-22' })).toMatchInlineSnapshot(`
      "policies/refunds.md:2 error reviewed: "2026-02-30" is not a date
          write the date of the last review as YYYY-MM-DD, e.g. reviewed: 2026-03-31"
    `);
    expect(messages('reviewed: 2027-01-05', { today: '2026-11-22' })).toMatchInlineSnapshot(`
      "policies/refunds.md:2 error reviewed: 2027-01-05 is in the future
          write the date the page was last reviewed, today or earlier"
    `);
  });

  it('checks audience against the roles in knowhow.yaml', () => {
    expect(messages('audience: [agent, team-led]', { roles: ['agent', 'team-lead'] })).toMatchInlineSnapshot(`
      "policies/refunds.md:2 error audience: "team-led" is not a role; did you mean team-lead?
          the roles (from knowhow.yaml) are agent and team-lead"
    `);
  });

  it('points at the line of a YAML syntax error', () => {
    expect(messages('title: Refunds\nsummary: Refunds: the 30-day rule')).toMatchInlineSnapshot(`
      "policies/refunds.md:3 error the front matter is not valid YAML: Nested mappings are not allowed in compact mappings
          each line is \`field: value\`; put quotes around values that contain a colon, e.g. title: "Refunds: the 30-day rule""
    `);
  });
});

describe('training module assignments in front matter', () => {
  const moduleIndex = (yaml: string, file = 'training/new-agent-onboarding/index.md') =>
    parseFrontMatter(file, `---\n${yaml}\n---\n\n# Body\n`, { roles: ['agent', 'new-hire', 'team-lead'] });

  it('reads assignTo and dueWithinDays on a module’s index page', () => {
    const { data, problems } = moduleIndex('assignTo: [agent, new-hire]\ndueWithinDays: 14');
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ assignTo: ['agent', 'new-hire'], dueWithinDays: 14 });
  });

  it('says what is wrong with them, and where they belong', () => {
    const problems = [
      ...moduleIndex('assignTo: [agnet]\ndueWithinDays: 2 weeks').problems,
      ...moduleIndex('assignTo: [agent]', 'training/new-agent-onboarding/01-welcome.md').problems,
    ];
    expect(problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "training/new-agent-onboarding/index.md:3 error dueWithinDays: "2 weeks" is not valid here
          write a whole number of days, e.g. dueWithinDays: 14
      training/new-agent-onboarding/index.md:2 error assignTo: "agnet" is not a role; did you mean agent?
          the roles (from knowhow.yaml) are agent, new-hire and team-lead
      training/new-agent-onboarding/01-welcome.md:2 error assignTo: only a training module's index page can say this
          move it to the index.md of the module's folder, e.g. training/new-agent-onboarding/index.md"
    `);
  });
});
