/**
 * Turns vitest's finished test cases into the result model. Everything a report needs was written by the harness
 * into task meta; vitest contributes status, duration and (for crashes and timeouts) the error.
 */
import type { TestCase, TestModule } from 'vitest/node';
import type { ResourceRef, TestResult } from '../model/result.js';
import '../model/task-meta.js';
import { areaOf, suiteName } from './suites.js';

export function toTestResult(testCase: TestCase): TestResult {
  const meta = testCase.meta().scim;
  const result = testCase.result();
  const diagnostic = testCase.diagnostic();
  const file = `suites/${suiteName(testCase.module.moduleId)}.test.ts`;
  const base: TestResult = {
    behaviour: meta?.behaviour ?? testCase.name.split(' ')[0] ?? '',
    name: testCase.name,
    area: areaOf(testCase.module.moduleId),
    file,
    level: meta?.level ?? 'informational',
    mode: meta?.mode ?? 'both',
    spec: meta?.spec ?? [],
    tags: [...(testCase.options.tags ?? [])],
    status: result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped',
    durationMs: Math.round(diagnostic?.duration ?? 0),
    exchanges: meta?.exchanges ?? [],
  };
  if (result.state === 'skipped' || result.state === 'pending') base.skipReason = (result.state === 'skipped' && result.note) || 'not run';
  if (result.state === 'failed') {
    base.failure = meta?.failure ?? {
      kind: 'error',
      message: (result.errors?.[0]?.message ?? 'the test failed without a message').split('\n')[0]!,
    };
  }
  return base;
}

export function testCasesOf(modules: readonly TestModule[]): TestCase[] {
  return modules.flatMap((m) => [...m.children.allTests()]);
}

/** Errors of suite files that failed to load, one line each. */
export function moduleErrors(modules: readonly TestModule[]): string[] {
  return modules.flatMap((m) => m.errors().map((e) => `${suiteName(m.moduleId)}: ${(e.message ?? String(e)).split('\n')[0]}`));
}

/** Resources the tests created and deleted, from task meta. */
export function resourcesOf(cases: TestCase[]): { created: ResourceRef[]; deleted: ResourceRef[]; cleanupRequests: number; cleanupErrors: string[]; unrecordedRequests: number } {
  const out = { created: [] as ResourceRef[], deleted: [] as ResourceRef[], cleanupRequests: 0, cleanupErrors: [] as string[], unrecordedRequests: 0 };
  for (const testCase of cases) {
    const meta = testCase.meta().scim;
    if (!meta) continue;
    out.created.push(...meta.created);
    out.deleted.push(...meta.deleted);
    out.cleanupRequests += meta.cleanupRequests;
    out.cleanupErrors.push(...meta.cleanupErrors);
    out.unrecordedRequests += meta.unrecordedRequests ?? 0;
  }
  return out;
}
