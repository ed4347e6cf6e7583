/** Test results as the runner builds them, for tests of what reads them (grading, baselines, assembly). */
import type { TestResult } from '../../src/model/result.js';

/** A finished test of area users, level required unless `extra` says otherwise; its behaviour is the name's first word. */
export function testResult(name: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult {
  return {
    behaviour: name.split(' ')[0] ?? name,
    name,
    area: 'users',
    file: '',
    level: 'required',
    mode: 'both',
    spec: [],
    tags: [],
    status,
    durationMs: 0,
    exchanges: [],
    ...extra,
  };
}
