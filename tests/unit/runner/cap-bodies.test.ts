import { describe, expect, it } from 'vitest';
import { capBodies } from '../../../src/runner/cap-bodies.js';
import type { RunResult } from '../../../src/model/result.js';

describe('capBodies', () => {
  it('cuts each embedded body to the limit and says how much was cut; short bodies are unchanged', () => {
    const exchange = {
      seq: 1,
      request: { method: 'POST', url: 'u', headers: {}, body: 'r'.repeat(30) },
      response: { status: 200, headers: {}, body: 'x'.repeat(100), truncated: false },
      startedAt: '',
      durationMs: 1,
      attempt: 1,
    };
    const result = {
      tests: [
        { name: 't', status: 'failed', exchanges: [exchange] },
        { name: 'p', status: 'passed', exchanges: [exchange] },
      ],
    } as unknown as RunResult;
    const capped = capBodies(result, { judged: 40, passed: 10 });
    expect(capped.tests[1]!.exchanges[0]!.response!.body).toMatch(/^x{10}\n\[… 90 more characters cut/);
    const out = capped.tests[0]!.exchanges[0]!;
    expect(out.response!.body).toBe(
      `${'x'.repeat(40)}\n[… 60 more characters cut from the report; the checks read up to 1 MiB]`,
    );
    expect(out.request.body).toBe('r'.repeat(30));
    expect(result.tests[0]!.exchanges[0]!.response!.body).toHaveLength(100);
  });
});
