/** CSV files safe to open in a spreadsheet (src/kit/server/csv.ts): text neutralised, numbers kept. */
import { describe, expect, it } from 'vitest';
import { neutralisedText, toCsv } from '../../../src/kit/server/csv.ts';
import { makeOneTimePassword } from '../../../src/features/accounts/server/users.ts';

describe('CSV files', () => {
  it.each(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'])('puts an apostrophe before text that starts %j', (text) => {
    expect(neutralisedText(text)).toBe(`'${text}`);
  });

  it('leaves other text as it is', () => {
    for (const text of ['Sam Okafor', 'Tier 1', ' =1', "'=1", '', '2026-11-02', '/policies/refunds/'])
      expect(neutralisedText(text)).toBe(text);
  });

  it('neutralises every text cell, quotes as CSV does, and keeps numbers numbers', () => {
    expect(toCsv(['name', 'team', 'score', 'discrimination', 'due'], [['=HYPERLINK("http://evil","x")', '-5', 90, -0.25, null]])).toBe(
      'name,team,score,discrimination,due\n"\'=HYPERLINK(""http://evil"",""x"")",\'-5,90,-0.25,\n',
    );
  });

  it('makes one-time passwords that a spreadsheet keeps as they are', () => {
    for (let i = 0; i < 2000; i++) expect(neutralisedText(makeOneTimePassword())).not.toMatch(/^'/);
  });
});
