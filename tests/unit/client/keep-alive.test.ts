// Connection reuse in the transport (src/client/transport.ts): requests share kept-alive connections, and a request
// that went out on a reused connection the server had already closed is sent once more on a new connection.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { send, TransportError } from '../../../src/client/transport.js';

let server: Server | undefined;
const open = new Set<Socket>();
afterEach(async () => {
  // The client keeps its idle connections: end them, or close() would wait for them.
  for (const socket of open) socket.destroy();
  open.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/**
 * A raw HTTP/1.1 server: `answer(connection, requestOnConnection, socket)` returns the response to write, or
 * undefined to reset the connection without answering. It counts connections and requests.
 */
async function rawServer(answer: (connection: number, request: number, socket: Socket) => string | undefined) {
  const stats = { connections: 0, requests: 0 };
  server = createServer((socket) => {
    open.add(socket);
    const connection = ++stats.connections;
    let onThis = 0;
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      while (buffer.includes('\r\n\r\n')) {
        buffer = buffer.slice(buffer.indexOf('\r\n\r\n') + 4);
        stats.requests++;
        const response = answer(connection, ++onThis, socket);
        if (response === undefined) socket.resetAndDestroy();
        else socket.write(response);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/scim/v2/Users`, stats };
}

const ok = (body: string) =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`;
const get = (url: string) => send({ method: 'GET', url, headers: {}, timeoutMs: 2000, maxBodyBytes: 1024 });

describe('keep-alive', () => {
  it('sends sequential requests over one connection', async () => {
    const { url, stats } = await rawServer((connection, request) =>
      ok(`{"connection":${connection},"request":${request}}`),
    );
    for (let i = 0; i < 5; i++) expect((await get(url)).status).toBe(200);
    expect(stats).toEqual({ connections: 1, requests: 5 });
  });

  it('resends a request once, on a new connection, when the reused connection turns out closed', async () => {
    // The first connection answers once, then resets on its second request (an idle timeout racing the reuse).
    const { url, stats } = await rawServer((connection, request) =>
      connection === 1 && request === 2 ? undefined : ok(`{"connection":${connection}}`),
    );
    expect(JSON.parse((await get(url)).body)).toEqual({ connection: 1 });
    const second = await get(url);
    expect(second.status).toBe(200);
    expect(JSON.parse(second.body)).toEqual({ connection: 2 });
    expect(stats).toEqual({ connections: 2, requests: 3 });
  });

  it('does not resend when a new connection is reset: the error is the answer', async () => {
    const { url, stats } = await rawServer(() => undefined);
    const error = await get(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('connection-reset');
    expect(stats.requests).toBe(1);
  });

  it('does not resend after the server started to answer', async () => {
    // Headers and half the body, then a reset: the request reached the server, so it is not sent again.
    const { url, stats } = await rawServer((connection, request, socket) => {
      if (request === 1) return ok('{}');
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"partial":');
      return undefined;
    });
    await get(url);
    const error = await get(url).catch((e: unknown) => e);
    expect((error as TransportError).code).toBe('connection-reset');
    expect(stats.requests).toBe(2);
  });
});
