import { describe, expect, it } from 'vitest';
import { synonymsFor } from '../../../src/features/search/built-in-synonyms.ts';
import { tokenize } from '../../../src/features/search/query.ts';

describe('synonymsFor', () => {
  it('puts the site’s groups first, then the built-in ones of the language', () => {
    const groups = synonymsFor('en', { synonyms: [['chargeback', 'dispute']] });
    expect(groups[0]).toEqual(['chargeback', 'dispute']);
    expect(groups).toContainEqual(expect.arrayContaining(['all hands', 'company meeting']));
  });

  it('leaves the built-in ones out for a site that turns them off', () => {
    expect(synonymsFor('en', { synonyms: [['chargeback', 'dispute']], builtInSynonyms: false })).toEqual([['chargeback', 'dispute']]);
  });

  it('has none for languages it has no list for', () => {
    expect(synonymsFor('de', { synonyms: [['Erstattung', 'Rückzahlung']] })).toEqual([['Erstattung', 'Rückzahlung']]);
  });

  it('writes every member as the question tokenizer reads it, and each only once, plurals aside', () => {
    const members = synonymsFor('en', { synonyms: [] }).flat();
    for (const member of members) expect(tokenize(member).join(' '), member).toBe(member);
    // Questions match a member's plural too (query.ts), so a group lists the singular only.
    const singular = (member: string) => member.replace(/(\w{3,}[^s])s\b/g, '$1');
    expect(new Set(members.map(singular)).size).toBe(members.length);
  });
});
