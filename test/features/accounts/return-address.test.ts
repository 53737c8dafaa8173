/** Where signing in leads back to: a path of this site as a browser reads it, or the home page. */
import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInAddress } from '../../../src/features/accounts/return-address.ts';

const ORIGIN = 'https://handbook.kestrel.example';

/** Values that start like a path, or look harmless, and lead a browser to another host or nowhere. */
const HOSTILE_NEXT = [
  '//evil.example',
  '/\\evil.example',
  '\\/\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/.//evil.example',
  '/%2e//evil.example',
  '/a/..//evil.example',
  '/\\\\evil.example',
  'https://evil.example/',
  'http:evil.example',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  '\u3002evil.example',
  '/\u3002evil.example',
  '/\n',
  '/\nevil',
  '/policies/\r\nSet-Cookie: x=1',
  '/caf\u00e9/',
  '/\u2028',
  '/\u00a0/evil.example',
  '/\u0000',
  ' /policies/',
  'policies/refunds/',
  '',
  null,
  undefined,
];

describe('safeReturnPath', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeReturnPath('/policies/refunds/', ORIGIN)).toBe('/policies/refunds/');
    expect(safeReturnPath('/search/?q=refund+window#results', ORIGIN)).toBe('/search/?q=refund+window#results');
    expect(safeReturnPath('/policies/../faq/', ORIGIN)).toBe('/faq/');
  });

  it.each(HOSTILE_NEXT.map((next) => [JSON.stringify(next), next]))('sends %s home', (_, next) => {
    expect(safeReturnPath(next, ORIGIN)).toBe('/');
  });

  it('keeps percent-encoding as it is, as the addresses Knowhow makes have it', () => {
    expect(safeReturnPath('/faq/caf%C3%A9/?q=a%20b', ORIGIN)).toBe('/faq/caf%C3%A9/?q=a%20b');
    expect(safeReturnPath('/%0A', ORIGIN)).toBe('/%0A');
    expect(safeReturnPath('/%E3%80%82', ORIGIN)).toBe('/%E3%80%82');
  });

  it('answers a valid Location header, whatever it was given', () => {
    for (const next of [...HOSTILE_NEXT, '/%0D%0ASet-Cookie:x=1', '/policies/']) {
      expect(() => new Headers({ Location: safeReturnPath(next, ORIGIN) })).not.toThrow();
    }
  });

  it('takes paths only: an absolute address goes home, even one of this site', () => {
    expect(safeReturnPath(`${ORIGIN}/policies/`, ORIGIN)).toBe('/');
    expect(safeReturnPath('/policies/', 'http://localhost:4321')).toBe('/policies/');
  });
});

describe('signInAddress', () => {
  it('comes back to the page asked for, and leaves the home page out', () => {
    expect(signInAddress('/policies/refunds/?q=1')).toBe('/sign-in/?next=%2Fpolicies%2Frefunds%2F%3Fq%3D1');
    expect(signInAddress('/')).toBe('/sign-in/');
  });
});
