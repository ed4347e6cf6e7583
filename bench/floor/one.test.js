// bench/vitest-floor.mjs: the one test of the start-up floor measurement. It prints when its body runs.
import { test } from 'vitest';

test('start-up floor', () => {
  process.stdout.write(`FIRST-TEST-BODY ${Math.round(performance.timeOrigin + performance.now())}\n`);
});
