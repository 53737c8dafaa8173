/**
 * The client's address: the socket's, or the one a trusted proxy (KNOWHOW_TRUSTED_PROXIES)
 * put in X-Forwarded-For. Without configured proxies the header is ignored: otherwise any
 * client could pick its own rate-limit bucket, or blame another address in the audit log.
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export function clientAddressResolver(trustedProxies: readonly string[]): (request: IncomingMessage) => string {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request) => (trustedProxies.length === 0 ? request.socket.remoteAddress : proxyAddr(request, trust)) ?? 'unknown';
}
