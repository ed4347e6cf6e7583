/**
 * junit.xml for CI test views (Jenkins, GitLab, GitHub Actions reporters). It validates against both the
 * widely cited jenkins-junit.xsd (fixtures/junit/) and the Jenkins xUnit plugin's junit-10.xsd; the stricter
 * of the two shapes the output:
 * - <testcase> may not hold <properties>, so per-test facts go to <system-out> as "key: value" lines and the
 *   run-wide ones to each <testsuite>'s <properties>;
 * - <skipped> is text-only there, so the reason is its text (Jenkins reads the text when there is no
 *   message attribute; GitLab shows the text);
 * - children keep the schema's order: skipped, error, failure, system-out.
 * A pipeline that reads only this file sees what the exit code says: <failure>/<error> only for blocking results
 * (status failed). A warning (a failure below --fail-on) is a passing testcase whose system-out starts with
 * "WARNING (<level>): …"; a failure the --baseline run had too starts with "KNOWN FAILURE (baseline): …".
 * Each <testsuite>'s <properties> carry the run's verdict and counts, the same as the console and the HTML page.
 */
import type { RunResult, TestResult } from '../src/model/result.js';
import { specLabel, specUrl } from '../src/catalog/spec-links.js';
import { junitSeconds } from './shared/duration.js';
import { escapeXmlAttr, escapeXmlText, oneLine } from './shared/escape.js';
import { exchangeText } from './shared/exchange-text.js';
import { TEXT_BODY_CAP } from './shared/body.js';
import { verdictOf } from './shared/summary.js';

/** Upper bound on one failure body: a test with many exchanges must not make the file unreadable for CI. */
const MAX_FAILURE_TEXT = 64 * 1024;

/** Transport and tool errors are not judgements about the server, so CI shows them as errors, not failures. */
function isError(test: TestResult): boolean {
  return test.status === 'failed' && (test.failure?.kind === 'transport' || test.failure?.kind === 'error');
}

function isFailure(test: TestResult): boolean {
  return test.status === 'failed' && !isError(test);
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttr(String(value))}"`)
    .join('');
}

/** Jenkins and Ant read suite timestamps as ISO 8601 without zone or fraction; ours are UTC. */
function junitTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 19);
}

/** The suite's "hostname": the host under test, which is what a reader of a conformance report cares about. */
function targetHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function specLines(spec: readonly string[]): string[] {
  return spec.map((anchor) => `  ${specLabel(anchor)}: ${specUrl(anchor)}`);
}

/** The failure's text body: everything a person needs to fix the server without opening another file. */
export function failureText(test: TestResult): string {
  const failure = test.failure;
  const lines = [`${test.name}`, `Level: ${test.level} · mode: ${test.mode} · behaviour: ${test.behaviour}`];
  if (failure) {
    if (failure.kind === 'transport') lines.push('', 'Kind: transport error (no usable response from the target)');
    if (failure.kind === 'error') lines.push('', 'Kind: error of the run (not a judgement about the server)');
    lines.push('', `Message: ${failure.message}`);
    if (failure.expected !== undefined) lines.push(`Expected: ${failure.expected}`);
    if (failure.actual !== undefined) lines.push(`Actual: ${failure.actual}`);
    if (failure.entra !== undefined) lines.push(`What Entra would do: ${failure.entra}`);
    if (failure.hint !== undefined) lines.push(`Hint: ${failure.hint}`);
  }
  if (test.spec.length > 0) lines.push('Spec:', ...specLines(test.spec));
  test.exchanges.forEach((exchange, index) => {
    const culprit = failure?.exchange === index;
    lines.push('', exchangeText(exchange, { bodyCap: TEXT_BODY_CAP, culprit, of: test.exchanges.length }));
  });
  const text = lines.join('\n');
  if (text.length <= MAX_FAILURE_TEXT) return text;
  return `${text.slice(0, MAX_FAILURE_TEXT)}\n[… failure text truncated at ${MAX_FAILURE_TEXT} characters; see report.html or results.json]`;
}

/** The first line of a non-blocking failure's system-out, so that a CI view shows why it is green. */
function notBlockingHead(test: TestResult): string | undefined {
  if (test.status !== 'warning') return undefined;
  const message = oneLine(test.failure?.message ?? 'failed without a message');
  return test.baseline === 'known' ? `KNOWN FAILURE (baseline): ${message}` : `WARNING (${test.level}): ${message}`;
}

function systemOut(test: TestResult, result: RunResult): string {
  const head = notBlockingHead(test);
  const lines = [
    `behaviour: ${test.behaviour}`,
    `level: ${test.level}`,
    `mode: ${test.mode}`,
    `spec: ${test.spec.join(', ')}`,
    `profile: ${result.profile.name}`,
    `seed: ${result.seed}`,
    `file: ${test.file}`,
  ];
  if (test.tags.length > 0) lines.push(`tags: ${test.tags.join(', ')}`);
  if (head !== undefined) return [head, '', failureText(test), '', ...lines].join('\n');
  return lines.join('\n');
}

function testcase(test: TestResult, result: RunResult): string {
  // No dots and no path in the classname, and no file attribute: JUnit actions turn "a.b" into a path and point
  // annotations at whatever file of the vendor's repository matches (issue 17). "SCIM users" reads well as a group.
  const head = `    <testcase${attrs({ name: test.name, classname: `SCIM ${test.area}`, time: junitSeconds(test.durationMs) })}>`;
  const body: string[] = [];
  if (test.status === 'skipped') {
    body.push(`      <skipped>${escapeXmlText(test.skipReason ?? 'skipped')}</skipped>`);
  } else if (test.status === 'failed') {
    const element = isError(test) ? 'error' : 'failure';
    const known = test.baseline === 'new' ? '[new failure] ' : '';
    const message = known + oneLine(test.failure?.message ?? 'failed without a message');
    const type = `${test.behaviour}|${test.level}`;
    body.push(`      <${element}${attrs({ message, type })}>${escapeXmlText(failureText(test))}</${element}>`);
  }
  body.push(`      <system-out>${escapeXmlText(systemOut(test, result))}</system-out>`);
  return [head, ...body, '    </testcase>'].join('\n');
}

function property(name: string, value: string | number): string {
  return `      <property${attrs({ name, value })}/>`;
}

/** Run-wide facts, the same in every <testsuite>: the verdict and the counts every reporter shows. */
function runProperties(result: RunResult): string[] {
  const { summary } = result;
  return [
    property('verdict', result.verdict),
    property('verdict.headline', verdictOf(result).headline),
    property('fail-on', result.failOn),
    property('count.total', summary.total),
    property('count.passed', summary.passed),
    property('count.failed', summary.failed),
    property('count.warnings', summary.warnings),
    property('count.skipped', summary.skipped),
    property('required.checked', result.required.checked),
    property('required.total', result.required.total),
  ];
}

function testsuite(area: string, tests: TestResult[], result: RunResult): string {
  const failures = tests.filter(isFailure).length;
  const errors = tests.filter(isError).length;
  const skipped = tests.filter((t) => t.status === 'skipped').length;
  const time = tests.reduce((sum, t) => sum + t.durationMs, 0);
  const head = `  <testsuite${attrs({
    name: area,
    tests: tests.length,
    failures,
    errors,
    skipped,
    time: junitSeconds(time),
    timestamp: junitTimestamp(result.startedAt),
    hostname: targetHost(result.target.url),
    package: 'scim-conformance',
  })}>`;
  const properties = [
    '    <properties>',
    property('seed', result.seed),
    property('target', result.target.url),
    property('tool.name', result.tool.name),
    property('tool.version', result.tool.version),
    property('profile', result.profile.name),
    property('profile.mode', result.profile.mode),
    property('run.id', result.runId),
    ...runProperties(result),
    '    </properties>',
  ];
  return [head, ...properties, ...tests.map((t) => testcase(t, result)), '  </testsuite>'].join('\n');
}

/**
 * Errors outside any test (a suite that failed to load) would vanish from CI views if they were only in
 * results.json, so they become one erroring testcase in a suite of their own.
 */
function runErrorsSuite(result: RunResult): TestResult[] {
  return result.errors.map((message, index) => ({
    behaviour: 'RUN',
    name: `RUN-${index + 1} Error outside the tests`,
    area: 'run',
    file: '',
    level: 'required',
    mode: 'both',
    spec: [],
    tags: [],
    status: 'failed',
    durationMs: 0,
    failure: { message, kind: 'error' },
    exchanges: [],
  }));
}

export function renderJunit(result: RunResult): string {
  const byArea = new Map<string, TestResult[]>();
  for (const test of result.tests) {
    const list = byArea.get(test.area) ?? [];
    list.push(test);
    byArea.set(test.area, list);
  }
  const runErrors = runErrorsSuite(result);
  if (runErrors.length > 0) byArea.set('run', [...(byArea.get('run') ?? []), ...runErrors]);
  const all = [...byArea.values()].flat();
  const head = `<testsuites${attrs({
    name: `scim-conformance ${result.tool.version}: ${result.target.url}`,
    tests: all.length,
    failures: all.filter(isFailure).length,
    errors: all.filter(isError).length,
    time: junitSeconds(result.durationMs),
  })}>`;
  const suites = [...byArea].map(([area, tests]) => testsuite(area, tests, result));
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join('\n');
}

export const junitReporter = {
  kind: 'file',
  fileName: 'junit.xml',
  render: renderJunit,
} as const;
