/** What a password must be: long enough, and not one an attacker tries early. */
import { describe, expect, it } from 'vitest';
import { passwordProblem, personalWords } from '../../../../src/features/accounts/server/passwords.ts';

const OWN_NAME = 'Choose a password without your name or email in it; try three or four unrelated words, e.g. "kettle orbit lantern moss".';

describe('passwordProblem', () => {
  it('accepts long passphrases and random passwords', () => {
    expect(passwordProblem('kettle orbit lantern moss')).toBeUndefined();
    expect(passwordProblem('Zq8#vLp2!rTw')).toBeUndefined();
  });

  it('says why a password is refused and what to choose instead', () => {
    expect(passwordProblem('short')).toBe(
      'Use at least 10 characters; try three or four unrelated words, e.g. "kettle orbit lantern moss".',
    );
    expect(passwordProblem('password123')).toBe(
      'Choose a password that is harder to guess: it is one of the most common passwords; try three or four unrelated words, e.g. "kettle orbit lantern moss".',
    );
    expect(passwordProblem('qwertyuiop')).toMatch(/one of the hundred most common passwords/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeated characters/);
    expect(passwordProblem('x'.repeat(129))).toBe('Use at most 128 characters.');
  });

  it('refuses the person’s own name or email in it', () => {
    expect(passwordProblem('lena.fischer-2026!', { email: 'lena.fischer@kestrel.example', name: 'Lena Fischer' })).toMatch(
      /without your name or email/,
    );
    expect(passwordProblem('my Fischer family tree', { name: 'Lena Fischer' })).toMatch(/without your name or email/);
  });

  it.each([
    ['asante harbour violin', { name: 'Asante, Kofi', email: 'kofi.asante@kestrel.example' }],
    ['kofi harbour violin', { name: 'Asante, Kofi', email: 'k.a@kestrel.example' }],
    ['silva harbour violin', { name: 'Ana S.', email: 'ana.silva@kestrel.example' }],
    ['obrien harbour violin', { name: 'Seán O’Brien', email: 'sob@kestrel.example' }],
    ['sean harbour violin', { name: 'Seán O’Brien', email: 'sob@kestrel.example' }],
    ['marie harbour violin', { name: 'Anne-Marie Dupont', email: 'amd@kestrel.example' }],
    ['ZOE harbour violin', { name: 'Zoë Quinn', email: 'zq@kestrel.example' }],
    ['harbour MIA violin', { name: 'Mia Member', email: 'mia.member@fixture.example' }],
    ['harbour violin jdoe7', { name: 'Jane Doe', email: 'jdoe7@kestrel.example' }],
    ['harbour jdoe violin', { name: 'Jane Doe', email: 'jdoe7@kestrel.example' }],
  ])('refuses %j for %j: a name in any case, accent or punctuation', (password, person) => {
    expect(passwordProblem(password, person)).toBe(OWN_NAME);
  });

  it('takes names of three letters or more, from the name and the email’s local part', () => {
    expect(personalWords({ name: 'Asante, Kofi', email: 'k.asante-2@kestrel.example' })).toEqual(['k.asante-2', 'asante', 'kofi']);
    expect(personalWords({ name: 'Jo Li', email: 'jo@kestrel.example' })).toEqual([]);
    expect(passwordProblem('jo li harbour violin', { name: 'Jo Li', email: 'jo@kestrel.example' })).toBeUndefined();
  });
});
