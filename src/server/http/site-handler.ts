/**
 * Every request to the built site, in order: security headers; unknown methods, malformed
 * requests and (in production) other hosts refused;
 * the client's address settled (and passed on, so nothing downstream reads a client-supplied
 * one); the private-handbook gate; the search's gzipped files; the static files; then the API
 * routes (called directly, api-routes.ts) or Astro for the pages rendered on request, with the
 * app context, the address and the signed-in person in `locals`. Whatever fails ends in its
 * own request (error-boundary.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import type { AppContext } from '../app.ts';
import { CLIENT_ADDRESS_HEADER, type SessionUser } from '../../features/accounts/server.ts';
import type { ApiKeyCaller } from '../../features/api-keys/index.ts';
import { siteOrigin } from '../../kit/server/env.ts';
import { errorResponse } from '../../kit/server/errors.ts';
import { signInAddress } from '../../features/accounts/index.ts';
import { gate, isApiPath, isOpenPath, isPageAddress } from './access-gate.ts';
import type { ApiRouter } from './api-routes.ts';
import { type AstroRenderer, webRequestOf, writeWebResponse } from './astro-bridge.ts';
import { credentialsOf } from './credentials.ts';
import { KEY_CANNOT_READ, type RequestLocals } from './request-pipeline.ts';
import { clientAddressResolver } from './client-address.ts';
import { withErrorBoundary } from './error-boundary.ts';
import { allowedHostsOf, type RequestProblem, requestProblem, SUPPORTED_METHODS } from './request-checks.ts';
import { searchFileServer } from './search-files.ts';
import { securityHeaders } from './security-headers.ts';
import { sendStaticFile } from './static-files.ts';
import { isEmbedPath } from '../../features/sidebar/index.ts';

/** Pages a person with a one-time password may still open: where they change it, and sign-out. */
const PASSWORD_CHANGE_PATHS = /^\/(account|sign-out|sign-in)\/?$/;

export function createSiteHandler({
  app,
  clientDir,
  astro,
  api,
}: {
  app: AppContext;
  clientDir: string;
  astro: AstroRenderer;
  api: ApiRouter;
}) {
  const headers = Object.entries(securityHeaders(app.env));
  const embedHeaders = Object.entries(securityHeaders(app.env, { framable: true }));
  const clientAddressOf = clientAddressResolver(app.env.trustedProxies);
  const searchFiles = searchFileServer(clientDir);
  const scope = app.env.access === 'signed-in' ? 'private' : 'public';
  const protocol = new URL(siteOrigin(app.env)).protocol;
  const allowedHosts = allowedHostsOf(app.env);

  return withErrorBoundary(async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of headers) response.setHeader(name, value);
    const problem = requestProblem(request, allowedHosts);
    if (problem) {
      if (problem.status === 501) response.setHeader('Allow', SUPPORTED_METHODS.join(', '));
      return writeError(response, request.url ?? '', problem.status, problem.code, problem.message);
    }
    const clientAddress = clientAddressOf(request);
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress;
    const target = request.url as string;
    // Dot segments resolved first: /_astro/.. must not pass the gate as a bundle and be served as /.
    const pathname = posix.normalize(decodeURIComponent(target.split('?')[0] as string));
    if (isEmbedPath(pathname)) {
      response.removeHeader('X-Frame-Options');
      for (const [name, value] of embedHeaders) response.setHeader(name, value);
    }

    let user: SessionUser | null | undefined;
    let apiKey: ApiKeyCaller | null | undefined;
    let renewedCookies: string[] = [];
    if (app.env.access === 'signed-in' && !isOpenPath(pathname)) {
      const credentials = await credentialsOf(app, credentialHeaders(request), clientAddress);
      if ('refused' in credentials) return void (await writeWebResponse(credentials.refused(pathname), response));
      ({ user, apiKey, setCookies: renewedCookies } = credentials);
      const decision = gate(pathname, credentials.reader, app.env.access);
      if (decision === 'sign-in') return redirect(response, signInAddress(target));
      if (decision === 'unauthorized')
        return writeError(response, pathname, 401, 'UNAUTHORIZED', 'Sign in first: this handbook is private.');
      if (decision === 'forbidden') return writeError(response, pathname, 403, 'INSUFFICIENT_SCOPE', KEY_CANNOT_READ);
      if (user?.mustChangePassword && isPageAddress(pathname) && !PASSWORD_CHANGE_PATHS.test(pathname)) {
        return redirect(response, '/account/?required=password');
      }
    }
    if (!isApiPath(pathname)) {
      if (renewedCookies.length > 0) response.setHeader('Set-Cookie', renewedCookies);
      if (searchFiles.send(request, response, pathname, scope)) return;
      if (sendStaticFile(clientDir, request, response, pathname, scope)) return;
      response.removeHeader('Set-Cookie');
    }
    if (scope === 'private') response.setHeader('Cache-Control', 'private, no-cache');
    const webRequest = await webRequestOf(request, protocol);
    if (webRequest instanceof Response) return void (await writeWebResponse(webRequest, response));
    const locals = { app, clientAddress, renewedCookies, ...(user !== undefined ? { user, apiKey } : {}) } as RequestLocals;
    const answer = isApiPath(pathname)
      ? await api.handle({ request: webRequest, url: new URL(webRequest.url), locals })
      : await astro(webRequest, locals);
    await writeWebResponse(answer, response);
  });
}

/** The headers that say who asks: the session cookie and an API key. */
function credentialHeaders(request: IncomingMessage): Headers {
  const headers = new Headers({ cookie: request.headers.cookie ?? '' });
  if (typeof request.headers.authorization === 'string') headers.set('authorization', request.headers.authorization);
  return headers;
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
  response.end();
}

/** API paths get the standard JSON error; everything else a line of text. */
async function writeError(
  response: ServerResponse,
  path: string,
  status: number,
  code: RequestProblem['code'] | 'UNAUTHORIZED' | 'INSUFFICIENT_SCOPE',
  message: string,
) {
  if (isApiPath(path)) {
    const body = await errorResponse(code, message).text();
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(body);
    return;
  }
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${message}\n`);
}
