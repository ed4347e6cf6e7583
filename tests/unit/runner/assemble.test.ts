// Result assembly (src/runner/assemble.ts): statuses counted once, and an interrupt relabels tests by their skip
// code, never by the words of skipReason.
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../../src/model/result.js';
import { assembleResult, markNotRun } from '../../../src/runner/assemble.js';
import { testResult } from '../../helpers/results.js';

function test(name: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult {
  return testResult(name, status, { behaviour: name.slice(0, 4), ...extra });
}

describe('assembleResult', () => {
  it('counts each status once and keeps cleanup errors', () => {
    const tests = [
      test('U-01 a', 'passed'),
      test('U-02 b', 'failed', { failure: { kind: 'conformance', message: 'x' } }),
      test('U-03 c', 'warning'),
      test('U-04 d', 'skipped'),
    ];
    const started = new Date(0);
    const result = assembleResult({
      runId: '0a1b2c3d',
      seed: 7,
      failOn: 'required',
      url: 'https://app.example.com/scim/v2',
      demo: false,
      profile: { name: 'entra-default', title: 'Entra', mode: 'default' },
      startedAt: started,
      finishedAt: new Date(1500),
      tests,
      errors: [],
      cleanup: { created: [], deleted: [], leftBehind: [], errors: ['DELETE /Users/1 answered 503'] },
      required: { checked: 3, total: 4, unchecked: ['U-04'] },
      requests: 12,
      pace: { throttled: 0, rate: 8 },
      readOnly: false,
    });
    expect(result.summary).toEqual({
      total: 4,
      passed: 1,
      failed: 1,
      warnings: 1,
      skipped: 1,
      requests: 12,
      throttled: 0,
      rate: 8,
    });
    expect(result.verdict).toBe('not-ready');
    expect(result.durationMs).toBe(1500);
    expect(result.cleanup.errors).toEqual(['DELETE /Users/1 answered 503']);
  });
});

describe('markNotRun', () => {
  it('relabels by skip code: never started → interrupted, cut short → not-finished, the rest untouched', () => {
    const tests = [
      test('U-01 a', 'skipped', {
        skipReason: 'aborted by the user',
        skip: { code: 'not-run', text: 'aborted by the user' },
      }),
      test('U-02 b', 'skipped', {
        skipReason: 'not finished: the run was interrupted',
        skip: { code: 'not-finished', text: 'the run was interrupted' },
      }),
      test('U-03 c', 'failed', { failure: { kind: 'transport', message: 'GET /Users failed: aborted' } }),
      test('U-04 d', 'skipped', {
        skipReason: 'profile x provisions users only',
        skip: { code: 'unsupported', text: 'profile x provisions users only' },
      }),
      test('U-05 e', 'failed', { failure: { kind: 'conformance', message: 'expected 200, got 500' } }),
    ];
    markNotRun(tests, 'SIGTERM');
    expect(tests.map((t) => [t.status, t.skip?.code, t.skipReason])).toEqual([
      ['skipped', 'interrupted', 'not run: the run was interrupted (SIGTERM)'],
      ['skipped', 'not-finished', 'not finished: the run was interrupted (SIGTERM)'],
      ['skipped', 'not-finished', 'not finished: the run was interrupted (SIGTERM)'],
      ['skipped', 'unsupported', 'profile x provisions users only'],
      ['failed', undefined, undefined],
    ]);
  });
});
