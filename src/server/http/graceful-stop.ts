/**
 * Stopping a server without losing what people sent: on SIGTERM (systemd, a container's stop)
 * or SIGINT (Ctrl-C) it stops accepting connections, lets the requests in flight finish (their
 * answers say `Connection: close`), and after `timeoutMs` closes whatever is still open; only
 * then does `cleanUp` close the database. A write that was answered is stored; one still being
 * made when the time is up is cut off at the connection, its transaction never committed.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface GracefulStop {
  /** Requests begun and not yet answered. */
  inFlight(): number;
  /** Resolves once the server has stopped: `true` if every request in flight finished in time. */
  stop(): Promise<boolean>;
}

export function gracefulStop(server: Server, { timeoutMs }: { timeoutMs: number }): GracefulStop {
  const open = new Set<ServerResponse>();
  let stopping: Promise<boolean> | undefined;

  // Before the site's handler, so the count includes a request from its first byte.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    open.add(response);
    if (stopping) response.setHeader('Connection', 'close');
    response.once('close', () => open.delete(response));
  });

  const allAnswered = () =>
    new Promise<void>((resolve) => {
      const check = () => (open.size === 0 ? resolve() : setTimeout(check, 25).unref());
      check();
    });

  return {
    inFlight: () => open.size,
    stop() {
      stopping ??= (async () => {
        for (const response of open) if (!response.headersSent) response.setHeader('Connection', 'close');
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const finished = await Promise.race([
          allAnswered().then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), timeoutMs);
          }),
        ]);
        clearTimeout(timer);
        server.closeAllConnections();
        await closed;
        return finished;
      })();
      return stopping;
    },
  };
}
