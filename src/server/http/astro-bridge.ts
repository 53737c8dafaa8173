/**
 * Between Node's HTTP server and the Web requests and responses Astro and the API routes take:
 * the request is made without an AbortSignal (see build/server-adapter.ts for why), its
 * body read whole, up to a limit (the API and the forms take small JSON and form bodies), and
 * the answer written with Astro's own writeResponse.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { writeResponse } from 'astro/app/node';
import { errorResponse } from '../../kit/server/errors.ts';

/** What the server needs of Astro's app. */
export interface AstroApp {
  match(request: Request, allowPrerenderedRoutes?: boolean): unknown;
  render(
    request: Request,
    options: {
      addCookieHeader: boolean;
      clientAddress: string;
      locals: object;
      routeData?: never;
      prerenderedErrorPageFetch: (url: string) => Promise<Response>;
    },
  ): Promise<Response>;
}

export type AstroRenderer = (request: Request, locals: { clientAddress: string }) => Promise<Response>;

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Renders a page or route with Astro; an unmatched address gets the prerendered 404 page, in the
 * address's language where it has one (/de/... gets /de/404/, pages/[lang]/404.astro).
 */
export function astroRenderer(app: AstroApp, clientDir: string): AstroRenderer {
  const errorPage = async (files: string[]) => {
    for (const file of files) {
      try {
        return new Response(await readFile(join(clientDir, file)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      } catch {
        // Not built (a language without pages of its own): the next one.
      }
    }
    return new Response(null, { status: 404 });
  };
  return (request, locals) => {
    const routeData = app.match(request) as never;
    const lang = /^\/([a-z]{2})\//.exec(new URL(request.url).pathname)?.[1];
    return app.render(request, {
      addCookieHeader: true,
      clientAddress: locals.clientAddress,
      locals,
      ...(routeData ? { routeData } : {}),
      prerenderedErrorPageFetch: (url) => {
        const status = /\/500(\/|\.html|$)/.test(new URL(url, 'http://localhost').pathname) ? 500 : 404;
        return errorPage(status === 404 && lang ? [join(lang, '404', 'index.html'), '404.html'] : [`${status}.html`]);
      },
    });
  };
}

/** The Web request for a Node request, or a 413 answer when its body is over the limit. */
export async function webRequestOf(incoming: IncomingMessage, protocol: string): Promise<Request | Response> {
  const body = await readBody(incoming);
  if (body === 'too large') return errorResponse('PAYLOAD_TOO_LARGE', `Keep the body under ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  return new Request(`${protocol}//${incoming.headers.host}${incoming.url}`, {
    method: incoming.method ?? 'GET',
    headers: headersOf(incoming),
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
}

export function writeWebResponse(response: Response, outgoing: ServerResponse): Promise<unknown> {
  return writeResponse(response, outgoing);
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/** The whole body, or undefined for none, or 'too large' past MAX_BODY_BYTES. */
async function readBody(incoming: IncomingMessage): Promise<Buffer | undefined | 'too large'> {
  if (incoming.method === 'GET' || incoming.method === 'HEAD') return undefined;
  if (Number(incoming.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    incoming.resume();
    return 'too large';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      incoming.resume();
      return 'too large';
    }
    chunks.push(chunk);
  }
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}
