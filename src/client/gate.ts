/**
 * The run-wide concurrency gate. Suite files run in several vitest worker threads; each has its own modules, so a
 * Limiter in one cannot see the others. The gate lives in the CLI's main thread, listens on a local socket, and
 * hands out request slots to every worker: at most --concurrency requests are in flight across the whole run, and
 * a 429 seen by any worker pauses all of them (catalog D-14).
 *
 * Protocol, one line per message: worker → gate `A<id>` (acquire), `R` (release one slot), `P<epoch ms>` (pause
 * every grant until then), `O<reason>` (this worker's circuit breaker opened); gate → worker `G<id>` (granted),
 * `O<reason>` (a breaker opened somewhere: send nothing more). Slots held by a connection that closes are freed.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlotLimiter } from './limiter.js';

export interface Gate {
  /** Where workers connect (a Unix socket path or a Windows pipe name). */
  address: string;
  /** Highest number of slots held at once. */
  readonly peak: number;
  close(): Promise<void>;
}

export async function startGate(max: number, label: string): Promise<Gate> {
  let active = 0;
  let peak = 0;
  let pausedUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  const queue: Array<{ socket: Socket; id: string }> = [];
  const held = new Map<Socket, number>();
  const sockets = new Set<Socket>();
  let openReason: string | undefined;

  const grant = () => {
    const wait = pausedUntil - Date.now();
    if (wait > 0) {
      if (!timer) timer = setTimeout(() => ((timer = undefined), grant()), wait);
      return;
    }
    while (active < max && queue.length > 0) {
      const { socket, id } = queue.shift()!;
      if (socket.destroyed) continue;
      active++;
      peak = Math.max(peak, active);
      held.set(socket, (held.get(socket) ?? 0) + 1);
      socket.write(`G${id}\n`);
    }
  };
  const release = (socket: Socket, count = 1) => {
    const mine = held.get(socket) ?? 0;
    const n = Math.min(mine, count);
    if (n === 0) return;
    held.set(socket, mine - n);
    active -= n;
    grant();
  };

  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    // A worker that starts after a breaker opened learns it at once and sends nothing.
    if (openReason) socket.write(`O${openReason}\n`);
    onLines(socket, (lines) => {
      for (const line of lines) {
        if (line[0] === 'A') queue.push({ socket, id: line.slice(1) });
        else if (line === 'R') release(socket);
        else if (line[0] === 'P') pausedUntil = Math.max(pausedUntil, Number(line.slice(1)) || 0);
        else if (line[0] === 'O' && !openReason) {
          openReason = line.slice(1);
          for (const other of sockets) if (!other.destroyed) other.write(`O${openReason}\n`);
        }
      }
      grant();
    });
    const drop = () => {
      sockets.delete(socket);
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.socket === socket) queue.splice(i, 1);
      release(socket, held.get(socket) ?? 0);
      held.delete(socket);
    };
    socket.on('close', drop);
    socket.on('error', drop);
  });
  const address =
    process.platform === 'win32' ? `\\\\.\\pipe\\scim-conformance-${label}-${process.pid}` : join(tmpdir(), `scimc-gate-${label}-${process.pid}.sock`);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => resolve());
  });
  server.unref();
  return {
    address,
    get peak() {
      return peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Calls `handle` with the complete lines of each chunk the socket receives (the protocol is line-based). */
function onLines(socket: Socket, handle: (lines: string[]) => void): void {
  let buffer = '';
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    handle(lines);
  });
}

/** The worker's side of the gate, with the Limiter's interface. */
export class RemoteLimiter implements SlotLimiter {
  peak = 0;
  openReason: string | undefined;
  private socket: Socket | undefined;
  private next = 0;
  private local = 0;
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly address: string,
    readonly max: number,
  ) {}

  private connection(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = createConnection(this.address);
    socket.setNoDelay(true);
    socket.unref();
    onLines(socket, (lines) => {
      for (const line of lines) {
        if (line[0] === 'O') this.openReason ??= line.slice(1);
        if (line[0] !== 'G') continue;
        const resolve = this.pending.get(line.slice(1));
        this.pending.delete(line.slice(1));
        resolve?.();
      }
    });
    // If the gate goes away (the run is ending), nobody should wait forever: let pending requests go.
    const failOpen = () => {
      for (const resolve of this.pending.values()) resolve();
      this.pending.clear();
    };
    socket.on('error', failOpen);
    socket.on('close', failOpen);
    this.socket = socket;
    return socket;
  }

  async acquire(): Promise<() => void> {
    const id = String(++this.next);
    const socket = this.connection();
    await new Promise<void>((resolve) => {
      this.pending.set(id, resolve);
      socket.write(`A${id}\n`);
    });
    this.local++;
    this.peak = Math.max(this.peak, this.local);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.local--;
      if (!socket.destroyed) socket.write('R\n');
    };
  }

  pauseUntil(until: number): void {
    const socket = this.connection();
    socket.write(`P${Math.round(until)}\n`);
  }

  reportOpen(reason: string): void {
    this.openReason ??= reason;
    this.connection().write(`O${reason.replace(/\n/g, ' ')}\n`);
  }
}
