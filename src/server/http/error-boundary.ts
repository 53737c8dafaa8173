/**
 * The one place every request's failure ends: in that request, never in the process. Node's
 * HTTP server does not wait on a handler's promise, so a rejection there (a body cut short by
 * the client, a bug in a route) used to be unhandled and stop the server for everyone.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isApiPath } from './access-gate.ts';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The handler, with each request's failure answered 500 (or its socket closed) and logged. */
export function withErrorBoundary(handle: RequestHandler, log: (message: string) => void = console.error) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => endFailedRequest(request, response, error, log));
  };
}

/** A client that hung up mid-request (its body cut short, or gone before the answer) is its own problem. */
export function isClientGone(request: IncomingMessage, error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    request.destroyed ||
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'EPIPE' ||
    (error instanceof Error && error.message === 'aborted')
  );
}

function endFailedRequest(request: IncomingMessage, response: ServerResponse, error: unknown, log: (message: string) => void): void {
  if (isClientGone(request, error)) {
    response.destroy();
    return;
  }
  const path = (request.url ?? '').split('?')[0];
  log(`${request.method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (response.headersSent) {
    // Part of the answer is out: only closing the connection tells the client it is incomplete.
    response.destroy();
    return;
  }
  const api = path !== undefined && isApiPath(path);
  response.writeHead(500, {
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  const message = 'Something went wrong on the server while answering this request; it was logged. Try again.';
  response.end(api ? JSON.stringify({ error: { code: 'INTERNAL_ERROR', message } }) : `${message}\n`);
}
