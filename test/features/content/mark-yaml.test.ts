/** Setting one top-level field of a hand-written YAML file, and nothing else, byte for byte. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setYamlField } from '../../../src/features/content/mark-yaml.ts';

const set = (source: string, value = 'a60f4ac7aadf') => setYamlField(source, 'translatedFrom', value, 'questions');

describe('setYamlField', () => {
  it('adds the field after the fields before `questions:`, leaving a comment above it with it', () => {
    const source = '# German.\nlang: de   # the file name says it too\n\n# The questions, in order.\nquestions:\n  - id: a\n';
    expect(set(source)).toBe(
      '# German.\nlang: de   # the file name says it too\ntranslatedFrom: a60f4ac7aadf\n\n# The questions, in order.\nquestions:\n  - id: a\n',
    );
  });

  it('adds it at the top when `questions:` comes first, and at the end without one', () => {
    expect(set('questions:\n  - id: a\n')).toBe('translatedFrom: a60f4ac7aadf\nquestions:\n  - id: a\n');
    expect(set('lang: de')).toBe('lang: de\ntranslatedFrom: a60f4ac7aadf\n');
  });

  it('replaces the value in place, keeping the spacing and a comment after it', () => {
    expect(set('lang: de\ntranslatedFrom:   0123456789ab   # marked in May\nquestions: []\n')).toBe(
      'lang: de\ntranslatedFrom:   a60f4ac7aadf   # marked in May\nquestions: []\n',
    );
    expect(set('translatedFrom:\nquestions: []\n')).toBe('translatedFrom: a60f4ac7aadf\nquestions: []\n');
  });

  it('keeps Windows line endings and a byte order mark', () => {
    expect(set('\uFEFFlang: de\r\nquestions:\r\n  - id: a\r\n')).toBe(
      '\uFEFFlang: de\r\ntranslatedFrom: a60f4ac7aadf\r\nquestions:\r\n  - id: a\r\n',
    );
  });

  it('quotes a hash YAML would read as a number', () => {
    const marked = set('lang: de\nquestions: []\n', '123456789012');
    expect(marked).toBe("lang: de\ntranslatedFrom: '123456789012'\nquestions: []\n");
    expect(parse(set(marked, '1234e5678901')).translatedFrom).toBe('1234e5678901');
  });

  it('refuses a file it cannot read as fields', () => {
    expect(() => set('lang: de\n  questions: [\n')).toThrow(/^it is not valid YAML/);
    expect(() => set('- a\n- b\n')).toThrow('it is not a list of `field: value` lines');
    expect(() => set('translatedFrom: [a, b]\n')).toThrow('its translatedFrom: is not a single value');
  });
});
