/**
 * The version people acknowledge and the text behind it: the front matter's `version`, else a
 * hash of the text without its front matter; the field checked as authors write it; and the
 * word-by-word comparison of two versions' text.
 */
import { describe, expect, it } from 'vitest';
import { acknowledgeText, acknowledgeVersion, textHash } from '../../../src/features/content/acknowledge.ts';
import { parseFrontMatter } from '../../../src/features/content/frontmatter.ts';
import { formatProblem } from '../../../src/features/content/problems.ts';
import { hasChanges, textDiff } from '../../../src/features/acknowledgements/text-diff.ts';

const page = (front: string, body = 'Verify every caller.') => `---\n${front}\n---\n\n${body}\n`;
const versionOf = (source: string) => acknowledgeVersion(parseFrontMatter('policies/p.md', source).data.version, acknowledgeText(source));

describe('the acknowledgement version', () => {
  it('is the front matter’s version, as text whether YAML reads a number or a string', () => {
    expect(versionOf(page('acknowledge: true\nversion: 3'))).toBe('3');
    expect(versionOf(page('acknowledge: true\nversion: "2026-11"'))).toBe('2026-11');
    expect(versionOf(page('acknowledge: true\nversion: 3', 'Verify every caller, always.'))).toBe('3');
  });

  it('is a hash of the text without its front matter when there is no version', () => {
    const before = versionOf(page('acknowledge: true\nreviewed: 2026-01-01'));
    expect(versionOf(page('acknowledge: true\nreviewed: 2026-06-01\ntags: [security]'))).toBe(before);
    expect(versionOf(`${page('acknowledge: true')}\r\n\r\n`.replace(/\n/g, '\r\n'))).toBe(before);
    expect(versionOf(page('acknowledge: true', 'Verify every caller, always.'))).not.toBe(before);
    expect(before).toBe(textHash('Verify every caller.\n'));
  });

  it('reports a version or an acknowledge that cannot be read, with what to write', () => {
    const problems = parseFrontMatter('policies/p.md', page('acknowledge: yes please\nversion: [1, 2]')).problems.map(formatProblem);
    expect(problems.join('\n')).toMatchInlineSnapshot(`
      "policies/p.md:2 error acknowledge: "yes please" is not valid here
          write true or false, e.g. acknowledge: true
      policies/p.md:3 error version: [1,2] is not valid here
          write a short version name, e.g. version: 3 or version: "2026-11""
    `);
  });
});

describe('textDiff', () => {
  it('keeps a little context around each change and counts the unchanged lines left out', () => {
    const lines = Array.from({ length: 12 }, (_, index) => `Line ${index + 1}.`);
    const after = lines.map((line, index) => (index === 6 ? 'Line seven, reworded.' : line));
    const blocks = textDiff(`${lines.join('\n')}\n`, `${after.join('\n')}\n`);
    expect(blocks).toEqual([
      { kind: 'skipped', lines: 4 },
      { kind: 'same', text: 'Line 5.\nLine 6.' },
      {
        kind: 'changed',
        parts: [
          { type: 'same', text: 'Line ' },
          { type: 'removed', text: '7' },
          { type: 'added', text: 'seven, reworded' },
          { type: 'same', text: '.\n' },
        ],
      },
      { kind: 'same', text: 'Line 8.\nLine 9.' },
      { kind: 'skipped', lines: 3 },
    ]);
    expect(hasChanges(blocks)).toBe(true);
    expect(hasChanges(textDiff('Same.\n', 'Same.\n'))).toBe(false);
  });
});
