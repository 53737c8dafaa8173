/**
 * Bytes on a socket, for requests no HTTP client would send: odd methods, bodies cut short,
 * header blocks that never end. What the server wrote back is read until it closes the
 * connection, or until `waitMs` passes.
 */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** The status of the first response, or undefined when none came. */
  status: number | undefined;
  text: string;
  /** Whether the server closed the connection within the wait. */
  closedByServer: boolean;
}

export interface RawOptions {
  /** How long to wait for the server's answer (and its closing the connection). */
  waitMs?: number;
  /** Hang up right after sending, as a client that gives up halfway would. */
  hangUp?: boolean;
}

export function rawExchange(
  baseUrl: string,
  bytes: string | Buffer,
  { waitMs = 2000, hangUp = false }: RawOptions = {},
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let text = '';
    let closedByServer = false;
    const socket: Socket = connect(Number(url.port), url.hostname, () => {
      socket.write(bytes, () => {
        if (hangUp) socket.destroy();
      });
    });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, text, closedByServer });
    };
    const timer = setTimeout(finish, hangUp ? 200 : waitMs);
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('close', finish);
    socket.on('error', () => undefined);
  });
}

/** A socket left open with a request half sent; close it with `destroy()`. */
export function halfSentRequest(baseUrl: string, bytes: string): Promise<Socket> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes, () => resolve(socket)));
    socket.on('error', reject);
  });
}
