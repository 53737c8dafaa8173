/** What a password must be: long enough, and not one an attacker tries early. */
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/lib/server/auth/passwords.ts';

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
});
