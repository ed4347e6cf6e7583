// afterEarlierSuites (U-30's wait before its walk): on vitest's own task tree, a test of a later describe waits for
// every test of the describes before its own (their cleanup included), and not for its own describe or later ones; on
// a hand-made tree, tests the run leaves out are not waited for, and an interrupted run stops the wait.
import { describe, expect, it } from 'vitest';
import { afterEarlierSuites, type OrderTask } from '../../../src/harness/run-order.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ended: string[] = [];
let walked: () => void = () => undefined;
const walkDone = new Promise<void>((resolve) => (walked = resolve));

describe.concurrent('earlier suite', () => {
  it('ends after a while', async () => {
    await sleep(80);
    ended.push('slow');
  });
  it('ends at once', () => {
    ended.push('quick');
  });
  it.skip('is left out of the run', () => undefined);
});

describe.concurrent('the waiting suite', () => {
  it('waits for every test of the earlier suites, not for its own suite nor later ones', async ({ task }) => {
    try {
      await afterEarlierSuites(task);
      expect(ended.sort()).toEqual(['quick', 'slow']);
    } finally {
      walked();
    }
  });
  it('a test of its own suite that ends only after the wait is not waited for', async () => {
    await walkDone;
  });
});

describe.concurrent('a later suite', () => {
  it('ends only after the wait (so the wait cannot be for it)', async () => {
    await walkDone;
  });
});

describe('afterEarlierSuites on a hand-made tree', () => {
  function tree(earlier: Array<Pick<OrderTask, 'mode' | 'result'>>) {
    const file = { type: 'suite', mode: 'run', tasks: [] as OrderTask[] } as unknown as OrderTask;
    file.file = file;
    const suite = (tests: OrderTask[]): OrderTask => {
      const made: OrderTask = { type: 'suite', mode: 'run', tasks: tests, suite: file, file };
      for (const test of tests) test.suite = made;
      return made;
    };
    const tests = earlier.map((t) => ({ type: 'test', file, ...t }));
    const waiter: OrderTask = { type: 'test', mode: 'run', result: { state: 'run' }, file };
    file.tasks = [suite(tests), suite([waiter])];
    return { tests, waiter };
  }

  it('does not wait for skipped, todo or ended tests', async () => {
    const { waiter } = tree([
      { mode: 'skip' },
      { mode: 'todo' },
      { mode: 'run', result: { state: 'pass' } },
      { mode: 'run', result: { state: 'fail' } },
      { mode: 'run', result: { state: 'skip' } },
    ]);
    await expect(afterEarlierSuites(waiter)).resolves.toBeUndefined();
  });

  it('waits for a queued or running test until it ends', async () => {
    const { tests, waiter } = tree([{ mode: 'queued' }, { mode: 'run', result: { state: 'run' } }]);
    let done = false;
    const waiting = afterEarlierSuites(waiter).then(() => (done = true));
    await sleep(20);
    tests[0]!.result = { state: 'pass' };
    await sleep(20);
    expect(done).toBe(false);
    tests[1]!.result = { state: 'fail' };
    await waiting;
    expect(done).toBe(true);
  });

  it('stops waiting when the run is interrupted', async () => {
    const { waiter } = tree([{ mode: 'run', result: { state: 'run' } }]);
    let stopped = false;
    const waiting = afterEarlierSuites(waiter, () => stopped);
    await sleep(10);
    stopped = true;
    await expect(waiting).rejects.toThrow(/interrupted/);
  });
});
