/** The checks in front of every request: malformed requests, client addresses, the private gate, cross-site posts, security headers. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/kit/server/env.ts';
import { gate, isApiPath, isPageAddress } from '../../../src/server/http/access-gate.ts';
import { signInAddress } from '../../../src/features/accounts/return-address.ts';
import { clientAddressResolver } from '../../../src/server/http/client-address.ts';
import { isCrossSiteRequest } from '../../../src/server/http/origin-check.ts';
import { allowedHostsOf, malformedRequestReason, requestProblem } from '../../../src/server/http/request-checks.ts';
import { securityHeaders } from '../../../src/server/http/security-headers.ts';

const request = (url: string, headers: Record<string, string>, remoteAddress = '203.0.113.7', method = 'GET') =>
  ({
    url,
    method,
    headers,
    rawHeaders: Object.entries(headers).flat(),
    socket: { remoteAddress },
    connection: { remoteAddress },
  }) as unknown as IncomingMessage;

describe('malformedRequestReason', () => {
  it('refuses a missing, empty or forged Host header and broken percent-encoding', () => {
    expect(malformedRequestReason(request('/api/me', { host: 'handbook.kestrel.example' }))).toBeUndefined();
    expect(malformedRequestReason(request('/', { host: '127.0.0.1:4321' }))).toBeUndefined();
    expect(malformedRequestReason(request('/', { host: '[::1]:4321' }))).toBeUndefined();
    expect(malformedRequestReason(request('/api/me', { host: 'user@evil' }))).toBe('The Host header is not a valid host name.');
    expect(malformedRequestReason(request('/api/me', { host: '' }))).toBe('The request has no Host header.');
    expect(malformedRequestReason(request('/api/me', {}))).toBe('The request has no Host header.');
    expect(malformedRequestReason(request('/policies/%E0%A4%A/', { host: 'h.example' }))).toMatch(/percent-encoding/);
    expect(malformedRequestReason(request('http://evil.example/', { host: 'h.example' }))).toBe('The request target must be a path.');
  });
});

describe('requestProblem', () => {
  const production = allowedHostsOf({ production: true, baseUrl: 'https://kb.kestrel.example', allowedHosts: ['10.0.0.7:4321'] });

  it('answers 501 for a method the site does not answer, before anything else', () => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT', 'PROPFIND', 'QUERY', 'M-SEARCH']) {
      expect(requestProblem(request('/api/health', {}, undefined, method), production)).toMatchObject({
        status: 501,
        code: 'NOT_IMPLEMENTED',
      });
    }
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect(requestProblem(request('/', { host: 'kb.kestrel.example' }, undefined, method), production), method).toBeUndefined();
    }
  });

  it('answers 421 in production for a host it is not configured for, except to the health check', () => {
    expect(production).toEqual(new Set(['kb.kestrel.example', '10.0.0.7:4321']));
    expect(requestProblem(request('/', { host: 'KB.kestrel.example' }), production)).toBeUndefined();
    expect(requestProblem(request('/', { host: '10.0.0.7:4321' }), production)).toBeUndefined();
    expect(requestProblem(request('/', { host: 'evil.example' }), production)).toMatchObject({ status: 421, code: 'MISDIRECTED_REQUEST' });
    expect(requestProblem(request('/api/me', { host: 'kb.kestrel.example:8080' }), production)).toMatchObject({ status: 421 });
    expect(requestProblem(request('/api/health', { host: '10.0.0.9' }), production)).toBeUndefined();
    expect(requestProblem(request('/api/healthz', { host: '10.0.0.9' }), production)).toMatchObject({ status: 421 });
    // Outside production people open localhost, 127.0.0.1 or the machine's name alike.
    expect(allowedHostsOf({ production: false, baseUrl: undefined, allowedHosts: [] })).toBeUndefined();
    expect(requestProblem(request('/', { host: 'anything.example' }), undefined)).toBeUndefined();
  });

  it('refuses two Host headers, which a proxy and Node may read differently', () => {
    const twice = { ...request('/', { host: 'kb.kestrel.example' }), rawHeaders: ['Host', 'kb.kestrel.example', 'host', 'evil.example'] };
    expect(requestProblem(twice as IncomingMessage, undefined)).toMatchObject({
      status: 400,
      message: 'The request has more than one Host header.',
    });
  });
});

describe('clientAddressResolver', () => {
  it('takes the socket’s address and ignores X-Forwarded-For without trusted proxies', () => {
    const resolve = clientAddressResolver([]);
    expect(resolve(request('/', { 'x-forwarded-for': '10.9.9.9' }))).toBe('203.0.113.7');
  });

  it('believes X-Forwarded-For only from a trusted proxy, and only up to the first untrusted hop', () => {
    const resolve = clientAddressResolver(['10.0.0.0/8']);
    expect(resolve(request('/', { 'x-forwarded-for': '198.51.100.4' }, '10.0.0.5'))).toBe('198.51.100.4');
    // A client that writes its own header in front of the proxy's does not get to choose.
    expect(resolve(request('/', { 'x-forwarded-for': '1.2.3.4, 198.51.100.4' }, '10.0.0.5'))).toBe('198.51.100.4');
    expect(resolve(request('/', { 'x-forwarded-for': '198.51.100.4' }, '203.0.113.7'))).toBe('203.0.113.7');
  });
});

describe('the private-handbook gate', () => {
  it('lets everyone in to a public handbook, and only signed-in people to a private one', () => {
    expect(gate('/policies/refunds/', 'anonymous', 'public')).toBe('allow');
    expect(gate('/policies/refunds/', 'anonymous', 'signed-in')).toBe('sign-in');
    expect(gate('/policies/refunds/index.html', 'anonymous', 'signed-in')).toBe('sign-in');
    expect(gate('/pagefind/pagefind.js', 'anonymous', 'signed-in')).toBe('unauthorized');
    expect(gate('/images/flow.svg', 'anonymous', 'signed-in')).toBe('unauthorized');
    expect(gate('/api/search', 'anonymous', 'signed-in')).toBe('unauthorized');
    expect(gate('/policies/refunds/', 'person', 'signed-in')).toBe('allow');
    for (const open of ['/sign-in/', '/api/auth/sign-in/email', '/api/health', '/_astro/site.css', '/favicon.svg']) {
      expect(gate(open, 'anonymous', 'signed-in')).toBe('allow');
    }
    expect(gate('/_astro/../policies/', 'anonymous', 'signed-in')).toBe('sign-in');
    expect(gate('/_astro/..', 'anonymous', 'signed-in')).not.toBe('allow');
    expect(isPageAddress('/guides/tone-of-voice')).toBe(true);
  });

  it('lets a key with the read scope read a private handbook, and a reports key only reach the API', () => {
    const key = (scopes: ('read' | 'reports')[]) => ({ key: { id: 'key_1', name: 'Helpdesk', scopes } });
    expect(gate('/policies/refunds/', key(['read']), 'signed-in')).toBe('allow');
    expect(gate('/policies/refunds/index.html.md', key(['read']), 'signed-in')).toBe('allow');
    expect(gate('/pagefind/pagefind.js', key(['read']), 'signed-in')).toBe('allow');
    expect(gate('/policies/refunds/', key(['reports']), 'signed-in')).toBe('forbidden');
    expect(gate('/images/flow.svg', key(['reports']), 'signed-in')).toBe('forbidden');
    // The route itself checks the scope (api/route.ts).
    expect(gate('/api/reports/training', key(['reports']), 'signed-in')).toBe('allow');
  });

  it('leaves the MCP endpoint to guard itself, and serves it like the API, not as a page', () => {
    // /mcp answers a private handbook's 401 itself, with the OAuth metadata's address (features/mcp).
    expect(gate('/mcp', 'anonymous', 'signed-in')).toBe('allow');
    expect(gate('/mcp', { key: { id: 'key_1', name: 'HR', scopes: ['reports'] } }, 'signed-in')).toBe('allow');
    for (const path of ['/mcp', '/mcp/', '/api/search']) {
      expect(isApiPath(path), path).toBe(true);
      expect(isPageAddress(path), path).toBe(false);
    }
    for (const path of ['/mcp/other', '/mcpx', '/policies/mcp/', '/api']) expect(isApiPath(path), path).toBe(false);
  });

  it('sends people to sign in and back to the page they asked for (which page is safe: test/features/accounts/return-address.test.ts)', () => {
    expect(signInAddress('/policies/refunds/?q=1')).toBe('/sign-in/?next=%2Fpolicies%2Frefunds%2F%3Fq%3D1');
    expect(signInAddress('/')).toBe('/sign-in/');
  });
});

describe('isCrossSiteRequest', () => {
  const own = ['https://handbook.kestrel.example'];
  const post = (headers: Record<string, string>) => new Request('https://handbook.kestrel.example/sign-out/', { method: 'POST', headers });
  it('refuses form posts and body-less posts from other sites, not JSON or same-site ones', () => {
    expect(isCrossSiteRequest(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }), own)).toBe(
      true,
    );
    expect(isCrossSiteRequest(post({}), own)).toBe(true);
    expect(isCrossSiteRequest(post({ origin: 'https://handbook.kestrel.example' }), own)).toBe(false);
    expect(isCrossSiteRequest(post({ 'content-type': 'application/json' }), own)).toBe(false);
    expect(isCrossSiteRequest(new Request('https://handbook.kestrel.example/', { method: 'GET' }), own)).toBe(false);
  });

  it('lets OAuth clients post forms without an Origin to the endpoints that authenticate the client, not a cookie', () => {
    const form = (path: string) =>
      new Request(`https://handbook.kestrel.example${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    for (const endpoint of ['token', 'revoke', 'introspect'])
      expect(isCrossSiteRequest(form(`/api/auth/oauth2/${endpoint}`), own), endpoint).toBe(false);
    expect(isCrossSiteRequest(form('/api/auth/oauth2/consent'), own)).toBe(true);
    expect(isCrossSiteRequest(form('/api/auth/sign-in/email'), own)).toBe(true);
    expect(isCrossSiteRequest(form('/connect-assistant/'), own)).toBe(true);
  });
});

describe('securityHeaders', () => {
  it('allows only the site’s own scripts, and the configured frames', () => {
    const env = loadEnv({ KNOWHOW_FRAME_ANCESTORS: 'https://helpdesk.example.com' }, '/');
    const headers = securityHeaders(env, { framable: true });
    expect(headers['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self' https://helpdesk.example.com",
    );
    expect(headers['X-Frame-Options']).toBeUndefined();
    // Only the helpdesk sidebar (/embed/) is framable by other sites.
    expect(securityHeaders(env)['Content-Security-Policy']).toMatch(/frame-ancestors 'self'$/);
    expect(securityHeaders(env)['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(headers).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' });
    const https = securityHeaders(
      loadEnv(
        {
          BETTER_AUTH_URL: 'https://h.example',
          KNOWHOW_OIDC_ISSUER: 'https://id.example/realms/x',
          KNOWHOW_OIDC_CLIENT_ID: 'a',
          KNOWHOW_OIDC_CLIENT_SECRET: 'b',
        },
        '/',
      ),
    );
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(https['Content-Security-Policy']).toContain("form-action 'self' https://id.example;");
  });
});
