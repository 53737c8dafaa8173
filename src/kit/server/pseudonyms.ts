/**
 * Keyed hashes for what the database must be able to recognise but not read: a client address
 * that voted on a page, an address that failed to sign in to an account. The same inputs give
 * the same pseudonym on every server sharing BETTER_AUTH_SECRET, so several servers on one
 * database count together; without the secret, the database alone cannot be searched for an
 * address (there are only 2^32 IPv4 addresses: a plain hash would be undone in minutes).
 */
import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** A pseudonym for `parts`, separate for each `purpose`, so that one never matches another's. */
export type Pseudonymise = (purpose: string, ...parts: string[]) => string;

export function pseudonymiser(secret: string): Pseudonymise {
  // A key of its own, derived from the secret, so that a pseudonym is never a session signature.
  const key = createHmac('sha256', secret).update('knowhow pseudonyms').digest();
  return (purpose, ...parts) =>
    createHmac('sha256', key)
      .update([purpose, ...parts].join('\0'))
      .digest('base64url');
}

/**
 * The network a client address stands for. An IPv4 address is one client. An IPv6 address is
 * counted by its /64: one home or office gets a whole /64 and can take a new address from it at
 * will, so counting single IPv6 addresses would give one client billions of votes or guesses.
 * An IPv4 address written as IPv6 (::ffff:192.0.2.1) is the IPv4 address.
 */
export function clientNetwork(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(plain)) return plain;
  return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, "::" and a dotted IPv4 tail written out. */
function ipv6Groups(address: string): string[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? address.slice(0, dotted.index) +
      [Number(dotted[1]) * 256 + Number(dotted[2]), Number(dotted[3]) * 256 + Number(dotted[4])]
        .map((group) => group.toString(16))
        .join(':')
    : address;
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...missing, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
