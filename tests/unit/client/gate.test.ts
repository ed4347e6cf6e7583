// The run-wide gate: several workers (here, several RemoteLimiters) share one bound and one 429 pause.
import { afterEach, describe, expect, it } from 'vitest';
import { RemoteLimiter, startGate, type Gate } from '../../../src/client/gate.js';
import { sleep } from '../../../src/client/limiter.js';

let gate: Gate | undefined;
afterEach(async () => {
  await gate?.close();
  gate = undefined;
});

describe('gate', () => {
  it('never grants more than max slots across all connections', async () => {
    gate = await startGate(3, `t${process.pid}a`);
    const workers = [new RemoteLimiter(gate.address, 3), new RemoteLimiter(gate.address, 3), new RemoteLimiter(gate.address, 3)];
    let active = 0;
    let peak = 0;
    const job = async (limiter: RemoteLimiter) => {
      const release = await limiter.acquire();
      active++;
      peak = Math.max(peak, active);
      await sleep(10);
      active--;
      release();
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => job(workers[i % 3]!)));
    expect(peak).toBe(3);
    expect(gate.peak).toBe(3);
  });

  it('a pause from one worker holds every worker', async () => {
    gate = await startGate(4, `t${process.pid}b`);
    const a = new RemoteLimiter(gate.address, 4);
    const b = new RemoteLimiter(gate.address, 4);
    (await a.acquire())();
    const until = Date.now() + 300;
    a.pauseUntil(until);
    await sleep(20);
    const release = await b.acquire();
    expect(Date.now()).toBeGreaterThanOrEqual(until - 5);
    release();
  });

  it('slots held by a worker that goes away are freed', async () => {
    gate = await startGate(1, `t${process.pid}c`);
    const a = new RemoteLimiter(gate.address, 1);
    await a.acquire(); // never released
    (a as unknown as { socket: { destroy(): void } }).socket.destroy();
    const b = new RemoteLimiter(gate.address, 1);
    const release = await b.acquire();
    release();
  });
});

describe('gate: a breaker that opens in one worker stops every worker', () => {
  it('broadcasts the reason to connected workers and tells workers that connect later', async () => {
    gate = await startGate(2, `t${process.pid}d`);
    const a = new RemoteLimiter(gate.address, 2);
    const b = new RemoteLimiter(gate.address, 2);
    (await b.acquire())(); // b is connected
    a.reportOpen('the target stopped answering (3 timeouts in a row)');
    await sleep(50);
    expect(b.openReason).toBe('the target stopped answering (3 timeouts in a row)');
    const late = new RemoteLimiter(gate.address, 2);
    (await late.acquire())();
    expect(late.openReason).toBe('the target stopped answering (3 timeouts in a row)');
  });
});
