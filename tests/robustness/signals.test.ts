// Issue 16 item 3: a signal at any moment — during Node's and vitest's start-up or mid-run — stops new work at
// once, deletes what was created, writes the reports (atomically) marked interrupted, and exits 130 / 143.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerFault } from '../../src/server/app.js';
import { runCli } from '../helpers/cli.js';
import { startTarget, TEST_TOKEN } from '../helpers/target-server.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function countingTarget() {
  const counter = { requests: 0 };
  const count: ServerFault = { name: 'count', onRequest: () => void counter.requests++ };
  const t = await startTarget([count]);
  closers.push(t.close);
  return { ...t, counter, left: () => t.server.store.count('User') + t.server.store.count('Group') };
}

/**
 * What may follow the signal: the requests already in flight, deleting what exists (each resource once, plus the
 * creates that were in flight), and the final sweep for the run marker with its read-back. How far the run got
 * BEFORE the signal depends on the machine's speed (a timed signal lands earlier or later in the run), so only what
 * comes after it is bounded; a run that went on would send well over a thousand more.
 */
const afterSignalBound = (liveAtSignal: number) => 2 * liveAtSignal + 40;

describe('signals', () => {
  it.each([
    ['SIGINT', '300 ms', 130, 300],
    ['SIGINT', '600 ms', 130, 600],
    ['SIGINT', '900 ms', 130, 900],
    ['SIGTERM', '300 ms', 143, 300],
    ['SIGINT', 'the first create', 130, 'mid-run'],
  ] as const)(
    '%s at %s: exit %i, reports written and marked interrupted, nothing left, few requests',
    async (signal, _label, code, when) => {
      const t = await countingTarget();
      const atSignal = { requests: 0, live: 0 };
      const send = (child: { kill(signal: NodeJS.Signals): boolean }) => {
        atSignal.requests = t.counter.requests;
        atSignal.live = t.left();
        child.kill(signal);
      };
      const run = await runCli(['--url', t.url, '--reporter', 'json,junit,console', '--timeout', '2s'], {
        env: { SCIM_TOKEN: TEST_TOKEN },
        onSpawn: (child) => {
          if (typeof when === 'number') setTimeout(() => send(child), when);
          else {
            const poll = setInterval(() => {
              if (t.server.store.count('User') > 0) {
                clearInterval(poll);
                send(child);
              }
            }, 10);
            child.on('close', () => clearInterval(poll));
          }
        },
      });
      if (process.env.SCIMC_MEASURE)
        console.log(
          signal,
          when,
          'exit',
          run.code,
          'results',
          Boolean(run.results),
          'junit',
          existsSync(join(run.outDir, 'junit.xml')),
          'left',
          t.left(),
          'requests',
          t.counter.requests,
          'at signal',
          atSignal,
          'ms',
          run.ms,
        );
      expect(run.code, run.stderr).toBe(code);
      expect(run.results?.interrupted?.signal, run.stderr).toBe(signal);
      expect(readFileSync(join(run.outDir, 'junit.xml'), 'utf8')).toMatch(/<\/testsuites>\s*$/);
      expect(readdirSync(run.outDir).filter((f) => !['junit.xml', 'results.json'].includes(f))).toEqual([]);
      expect(t.left()).toBe(0);
      const after = t.counter.requests - atSignal.requests;
      expect(
        after,
        `${after} requests after the signal (${atSignal.requests} before it, ${atSignal.live} resources live then)`,
      ).toBeLessThanOrEqual(afterSignalBound(atSignal.live));
    },
    60_000,
  );
});
