// Status, exit code and verdict as pure functions of the graded tests (issue 14 items 1 and 2).
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor } from '../../../src/cli/exit-codes.js';
import type { Level } from '../../../src/catalog/types.js';
import type { FailOn, SkipCode, TestResult } from '../../../src/model/result.js';
import { gradeTest } from '../../../src/runner/grade.js';
import { testResult } from '../../helpers/results.js';
import {
  decideVerdict,
  requiredBehaviours,
  requiredCoverage,
  settled,
  type VerdictInput,
} from '../../../src/runner/verdict.js';

/** The cause the harness records with each of these reasons (src/harness/behaviour.ts). */
const CAUSES: Array<[RegExp, SkipCode]> = [
  [/^inconclusive:/, 'inconclusive'],
  [/^not run/, 'interrupted'],
  [/^not finished/, 'not-finished'],
  [/./, 'unsupported'],
];

function test(
  behaviour: string,
  status: TestResult['status'],
  level: Level = 'required',
  skipReason?: string,
): TestResult {
  const code = CAUSES.find(([pattern]) => pattern.test(skipReason ?? ''))?.[1] ?? 'not-run';
  return testResult(`${behaviour} ${status} ${level}`, status, {
    level,
    ...(skipReason ? { skipReason, skip: { code, text: skipReason } } : {}),
    ...(status === 'failed' || status === 'warning' ? { failure: { kind: 'conformance' as const, message: 'x' } } : {}),
  });
}

const LEVELS: Level[] = ['required', 'recommended', 'gallery', 'validator', 'informational'];

describe('gradeTest: --fail-on decides which failed levels block', () => {
  it.each<[FailOn, Level[]]>([
    ['required', ['required']],
    ['gallery', ['required', 'gallery', 'validator']],
    ['all', LEVELS],
  ])('--fail-on %s blocks on %j, the rest are warnings', (failOn, blocking) => {
    for (const level of LEVELS)
      expect(gradeTest(test('U-01', 'failed', level), { failOn }).status).toBe(
        blocking.includes(level) ? 'failed' : 'warning',
      );
  });

  it('leaves passed and skipped tests alone, and marks baseline failures known (warning) or new', () => {
    expect(gradeTest(test('U-01', 'passed'), { failOn: 'all' }).status).toBe('passed');
    expect(gradeTest(test('U-01', 'skipped', 'required', 'inconclusive: no members'), { failOn: 'all' }).status).toBe(
      'skipped',
    );
    const known = test('U-02', 'failed');
    const graded = gradeTest(known, { failOn: 'required', knownFailures: new Set([known.name]) });
    expect([graded.status, graded.baseline]).toEqual(['warning', 'known']);
    expect(gradeTest(test('U-03', 'failed'), { failOn: 'required', knownFailures: new Set() })).toMatchObject({
      status: 'failed',
      baseline: 'new',
    });
    expect(known.status).toBe('failed'); // pure: the input is not modified
  });
});

describe('exitCodeFor', () => {
  it('is 1 only for a blocking failure or an error outside the tests; warnings and skips never count', () => {
    expect(
      exitCodeFor({
        tests: [
          test('U-01', 'passed'),
          test('U-02', 'warning', 'validator'),
          test('U-03', 'skipped', 'required', 'inconclusive: x'),
        ],
        errors: [],
      }),
    ).toBe(ExitCode.Pass);
    expect(exitCodeFor({ tests: [test('U-01', 'failed')], errors: [] })).toBe(ExitCode.Fail);
    expect(exitCodeFor({ tests: [test('U-01', 'passed')], errors: ['suite runner: boom'] })).toBe(ExitCode.Fail);
  });
});

describe('required coverage: "N of M required behaviours checked"', () => {
  it('counts a behaviour checked when every one of its tests in the run settled', () => {
    expect(settled(test('U-01', 'skipped', 'required', 'profile x provisions users only'))).toBe(true);
    for (const reason of [
      'inconclusive: the server returned no members',
      'not run: the run was interrupted (SIGINT)',
      'not finished: the run was interrupted (SIGINT)',
    ])
      expect(settled(test('U-01', 'skipped', 'required', reason))).toBe(false);
    const tests = [
      test('U-01', 'passed'),
      test('U-01', 'failed'),
      test('G-07', 'passed'),
      test('G-07', 'skipped', 'required', 'inconclusive: no members'),
      test('D-02', 'skipped', 'required', 'the target is plain HTTP'),
      test('D-08', 'passed', 'recommended'),
    ];
    expect(requiredBehaviours(tests)).toEqual(['D-02', 'G-07', 'U-01']);
    expect(requiredCoverage(tests, ['D-02', 'G-07', 'U-01', 'U-20'])).toEqual({
      checked: 2,
      total: 4,
      unchecked: ['G-07', 'U-20'],
    });
  });
});

describe('decideVerdict', () => {
  const full = { checked: 3, total: 3, unchecked: [] };
  const run = (patch: Partial<VerdictInput>): VerdictInput => ({
    tests: [test('U-01', 'passed')],
    errors: [],
    failOn: 'required',
    required: full,
    ...patch,
  });

  it('ready: nothing blocks and every required behaviour was checked, warnings included', () => {
    expect(decideVerdict(run({ tests: [test('U-01', 'passed'), test('U-06', 'warning', 'validator')] }))).toBe('ready');
  });

  it('not-ready: a blocking failure, or a known baseline failure at or above the threshold', () => {
    expect(decideVerdict(run({ tests: [test('U-01', 'failed')] }))).toBe('not-ready');
    const known = { ...test('U-01', 'warning'), baseline: 'known' as const };
    expect(decideVerdict(run({ tests: [known] }))).toBe('not-ready');
    expect(decideVerdict(run({ tests: [{ ...known, level: 'validator' }] }))).toBe('ready');
    expect(
      decideVerdict(
        run({ tests: [test('U-01', 'failed')], required: { checked: 1, total: 3, unchecked: ['G-07', 'U-20'] } }),
      ),
    ).toBe('not-ready');
  });

  it('partial: required behaviours were left unchecked', () => {
    expect(decideVerdict(run({ required: { checked: 8, total: 71, unchecked: [] } }))).toBe('partial');
  });

  it('interrupted wins over everything: an interrupted run is never "not ready"', () => {
    expect(
      decideVerdict(
        run({ tests: [test('U-01', 'failed')], interrupted: { signal: 'SIGINT', at: '2026-01-01T00:00:00Z' } }),
      ),
    ).toBe('interrupted');
  });

  it('inconclusive: errors outside the tests, or no test came to a judgement', () => {
    expect(decideVerdict(run({ errors: ['the target stopped answering: 200 tests were not run'] }))).toBe(
      'inconclusive',
    );
    expect(decideVerdict(run({ tests: [test('U-01', 'skipped', 'required', 'inconclusive: x')] }))).toBe(
      'inconclusive',
    );
    expect(decideVerdict(run({ tests: [] }))).toBe('inconclusive');
  });
});
