/**
 * The main job: options → target (the user's, or the bundled reference server) → preflight → suites → final
 * cleanup → one RunResult → reporters → exit code.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { ScimClient } from '../client/scim-client.js';
import { effectiveRate, Limiter, type PaceStats } from '../client/limiter.js';
import { ExitCode, exitCodeFor } from '../cli/exit-codes.js';
import { CliError, UsageError } from '../cli/errors.js';
import { prepareOutDir } from '../cli/files.js';
import type { RunOptions } from '../cli/options.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../model/result.js';
import type { TargetConfig } from '../model/target.js';
import { DISCOVER, loadProfile } from '../profiles/load.js';
import { discoverTargetProfile } from '../profiles/discover.js';
import { baselineSummary, loadBaseline } from './baseline.js';
import { makeRedactor, redactDeep } from '../client/redact.js';
import type { Grading } from './grade.js';
import { decideVerdict, requiredBehaviours, requiredCoverage } from './verdict.js';
import { startReferenceServer } from './demo.js';
import { capBodies } from './cap-bodies.js';
import { finalCleanup, sweepAndVerify } from './final-cleanup.js';
import { addReproductions } from './reproduce.js';
import { packageRoot, packageVersion } from './package-root.js';
import { preflight } from './preflight.js';
import type { runSuites as RunSuites } from './run.js';
import { selectSuites, suiteFiles, suiteName, suiteNames, uncompiledSuites } from './suites.js';
import { createConsoleReporter, renderMarkdown, writeReports } from '../../reporters/index.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** The environment (CI=true makes the console compact); default: none. */
  env?: Record<string, string | undefined>;
  /** Aborted by Ctrl-C / SIGTERM (its reason is the signal name): see README "Cleanup". */
  signal?: AbortSignal;
}

export async function conformanceRun(options: RunOptions, io: Io): Promise<ExitCode> {
  // --profile discover: the profile is derived from the target's /Schemas once it is reachable (entra-default until then).
  const discover = options.profile === DISCOVER;
  if (discover && options.list) throw new UsageError(`--list cannot show the tests of --profile ${DISCOVER}: that profile is read from the target at run time`);
  let profile = loadProfile(discover ? 'entra-default' : options.profile);
  const selection = selectSuites(options.suite);
  if (selection.unknown.length > 0)
    throw new UsageError(`--suite: unknown suite "${selection.unknown[0]}"; available: ${suiteNames().join(', ')}`);
  const uncompiled = uncompiledSuites(selection.files);
  if (uncompiled.length > 0)
    throw new CliError(`suites/${suiteName(uncompiled[0]!)}.test.ts is not compiled: dist/ is older than the suites; run "npm run build" in ${packageRoot()}`, ExitCode.Internal);

  const baseline = options.baseline ? loadBaseline(options.baseline) : undefined;
  // vitest (and vite) take a few hundred ms of CPU to load: start now, while the preflight waits for the target.
  const runner = import('./run.js');
  runner.catch(() => undefined); // awaited below; a run that stops at preflight never needs it
  const runSuites: typeof RunSuites = async (...args) => (await runner).runSuites(...args);
  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
  const runId = randomBytes(4).toString('hex');
  const base = {
    timeoutMs: options.timeout,
    maxBodyBytes: 1024 * 1024,
    insecure: options.insecure,
    ...(options.ca ? { ca: readFileSync(options.ca, 'utf8') } : {}),
    runId,
    seed,
    concurrency: options.concurrency,
    numRuns: options.numRuns,
    ...(options.rate !== undefined ? { rate: options.rate } : {}),
    noCleanup: options.noCleanup,
    readOnly: options.readOnly,
  };

  if (options.list) {
    const target: TargetConfig = { ...base, baseUrl: options.url ?? 'http://127.0.0.1:9/list-only', token: '' };
    const { tests, errors } = await runSuites({ target, profile, files: selection.files, grep: options.grep, readOnly: options.readOnly, list: true });
    for (const test of tests) io.out(`${test.area.padEnd(11)} ${test.name}  [${test.level}]\n`);
    io.out(`${tests.length} tests in ${selection.files.length} suites (profile ${profile.name})\n`);
    for (const error of errors) io.err(`scim-conformance: ${error}\n`);
    return errors.length ? ExitCode.Fail : ExitCode.Pass;
  }

  // A report folder that cannot be written is found now, before any request (exit 2), not after the whole run.
  const fileReporters = options.reporter.filter((r) => r !== 'console');
  if (fileReporters.length > 0) prepareOutDir(options.outDir);

  const demo = options.demo ? await startReferenceServer(profile) : undefined;
  try {
    const target: TargetConfig = { ...base, baseUrl: demo?.url ?? options.url!, token: demo?.token ?? options.token! };
    // Retry-After is capped at 30 s and at --timeout, as in the suites (src/harness/context.ts).
    const client = new ScimClient({
      ...target,
      limiter: new Limiter(options.concurrency, options.rate),
      readOnly: options.readOnly,
      retry: { max: 3, maxWaitMs: Math.min(30_000, options.timeout) },
    });
    let requests = 0;
    const counting = client.withRecorder(() => requests++);
    const notice = await preflight(counting).catch(async (error: unknown) => {
      // Exit 3 (unreachable, TLS, token rejected): CI still gets junit.xml (one <error>) and results.json.
      if (error instanceof CliError && error.exitCode === ExitCode.Target && fileReporters.length > 0) {
        const failed = targetErrorResult(error.message, { runId, seed, failOn: options.failOn, url: displayTarget(target.baseUrl, false), demo: Boolean(demo), profile });
        const paths = await writeReports(redactDeep(failed, makeRedactor(target.token)), fileReporters, options.outDir).catch(() => []);
        if (paths.length) io.out(`${paths.join('\n')}\n`);
        await appendStepSummary(io, redactDeep(failed, makeRedactor(target.token)));
      }
      throw error;
    });
    if (notice) io.err(`scim-conformance: ${notice}\n`);
    if (discover) profile = await discoverTargetProfile(counting, target.baseUrl);

    const progress = options.quiet || (ciEnvironment(io.env) && !options.verbose) ? 'compact' : 'verbose';
    const console = createConsoleReporter({ write: io.out, color: io.color, progress });
    // Tests and exchanges hold raw data (the checks judge it); what leaves the process is redacted, once.
    const redactor = makeRedactor(target.token);
    const grading: Grading = { failOn: options.failOn, ...(baseline ? { knownFailures: baseline.failed } : {}) };
    const startedAt = new Date();
    // The header waits for the collection, so that it states the real test count.
    let started = false;
    const startConsole = (total: number) => {
      if (started) return;
      started = true;
      console.start({ total, target: displayTarget(target.baseUrl, Boolean(demo)), profile: profile.name, seed });
    };
    const interruptedBefore = io.signal?.aborted;
    const { tests, errors, resources } = interruptedBefore
      ? { tests: [], errors: [], resources: { created: [], deleted: [], cleanupRequests: 0, cleanupErrors: [], unrecordedRequests: 0 } as Resources }
      : await runSuites({
          target,
          profile,
          files: selection.files,
          grep: options.grep,
          readOnly: options.readOnly,
          signal: io.signal,
          // After Ctrl-C, running tests get this long to abort their requests and delete what they created.
          graceMs: Math.max(10_000, 3 * options.timeout),
          grading,
          onCollected: startConsole,
          onTestDone: (test, done, total) => console.testDone(redactDeep(progressOf(io.signal?.aborted && cutShort(test) ? notFinished(test) : test), redactor), done, total),
        });
    // A --grep that matches no test of the selected suites is a mistake (a typo in a CI job), not a green run.
    if (options.grep && tests.length === 0 && errors.length === 0 && !io.signal?.aborted)
      throw new UsageError(`--grep: "${options.grep}" matches no test name in the selected suites (names are "<id> <title>", e.g. "U-20 PATCH Replace userName …")`);
    // The breaker opened (src/client/breaker.ts): the run cannot pass, even if no test that ran failed.
    const notRun = tests.filter((t) => t.status === 'skipped' && /^not run: the target (stopped|kept) answering/.test(t.skipReason ?? ''));
    if (notRun.length > 0) errors.push(`${notRun[0]!.skipReason!.slice('not run: '.length)}: ${notRun.length} tests were not run`);
    const interrupted = interruption(io.signal);
    if (interrupted) markNotRun(tests, interrupted.signal);

    const tracked = await finalCleanup(options.noCleanup ? undefined : counting, resources);
    // Every run that wrote: sweep the target for this run's marker and read it back (src/runner/final-cleanup.ts).
    const cleanup = options.noCleanup || options.readOnly ? tracked : await sweepAndVerify(counting, runId, tracked);
    // unrecordedRequests: passing cases of properties, whose exchanges are not kept (src/harness/property.ts).
    requests += tests.reduce((sum, t) => sum + t.exchanges.length, 0) + resources.cleanupRequests + (resources.unrecordedRequests ?? 0);
    // M of "N of M required behaviours checked": what a full run of this profile declares. A run narrowed by
    // --suite, --grep or --read-only collects every suite (nothing sent; 0.5-1.8 s measured, decisions/verdict.md).
    const narrowed = options.suite.length > 0 || options.grep !== undefined || options.readOnly;
    const declared = narrowed && !interrupted
      ? await runSuites({ target, profile, files: suiteFiles(), list: true }).then((full) => requiredBehaviours(full.tests), () => requiredBehaviours(tests))
      : requiredBehaviours(tests);
    const required = requiredCoverage(tests, declared);
    const pace = runPace(client.limiter.snapshot(), resources.pace, requests);
    const finishedAt = new Date();
    const result: RunResult = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      verdict: decideVerdict({ tests, errors, interrupted, failOn: options.failOn, required }),
      failOn: options.failOn,
      required,
      tool: { name: 'scim-conformance', version: packageVersion() },
      runId,
      seed,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      target: { url: displayTarget(target.baseUrl, false), demo: Boolean(demo) },
      profile: { name: profile.name, title: profile.title, mode: profile.mode },
      summary: {
        total: tests.length,
        passed: tests.filter((t) => t.status === 'passed').length,
        failed: tests.filter((t) => t.status === 'failed').length,
        warnings: tests.filter((t) => t.status === 'warning').length,
        skipped: tests.filter((t) => t.status === 'skipped').length,
        requests,
        ...pace,
      },
      tests,
      cleanup,
      errors,
      ...(interrupted ? { interrupted } : {}),
      ...(options.readOnly ? { readOnly: true } : {}),
    };
    if (baseline) result.baseline = baselineSummary(tests, baseline);
    addReproductions(tests, { url: result.target.url, demo: result.target.demo, seed, profile: options.profile, failOn: options.failOn });
    // Redacted first, then cut (a cut through the token must not leave a part of it in clear).
    const published = capBodies(redactDeep(result, redactor));
    const paths = fileReporters.length ? await writeReports(published, fileReporters, options.outDir) : [];
    await appendStepSummary(io, published);
    startConsole(tests.length);
    if (options.reporter.includes('console')) console.finish(published, paths);
    else if (paths.length) io.out(`${paths.join('\n')}\n`);
    if (cleanup.leftBehind.length > 0)
      io.err(`scim-conformance: ${cleanup.leftBehind.length} resources of this run are still on the target; remove them with: scim-conformance cleanup --url ${displayTarget(target.baseUrl, false)} --run-id ${runId}\n`);
    if (interrupted) {
      return interrupted.signal === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Terminated;
    }
    return exitCodeFor(result);
  } finally {
    await demo?.close();
  }
}

type Resources = Awaited<ReturnType<typeof RunSuites>>['resources'];

/** 429s met and the effective rate over the run: the main process (preflight, final cleanup) and the worker (suites). */
function runPace(main: PaceStats, worker: PaceStats | undefined, requests: number): { throttled: number; rate: number } {
  const parts = worker ? [main, worker] : [main];
  const started = parts.map((p) => p.firstAt).filter((t) => t > 0);
  const firstAt = started.length ? Math.min(...started) : 0;
  const lastAt = Math.max(...parts.map((p) => p.lastAt));
  return { throttled: parts.reduce((sum, p) => sum + p.throttled, 0), rate: effectiveRate({ sent: requests, firstAt, lastAt }) };
}

/**
 * GitHub Actions: with GITHUB_STEP_SUMMARY set, the markdown summary (verdict, failing behaviours) is appended to the
 * job summary, whatever --reporter says. A summary that cannot be written is a warning, never a failed run.
 */
async function appendStepSummary(io: Io, result: RunResult): Promise<void> {
  const file = io.env?.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await appendFile(file, `${renderMarkdown(result)}\n`, 'utf8');
  } catch (error) {
    io.err(`scim-conformance: warning: could not append the job summary to GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
  }
}

/** The result of a run that stopped at the preflight with exit 3: no test ran, one error says why. */
function targetErrorResult(
  message: string,
  run: { runId: string; seed: number; failOn: RunOptions['failOn']; url: string; demo: boolean; profile: { name: string; title: string; mode: 'default' | 'flag' } },
): RunResult {
  const now = new Date().toISOString();
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    verdict: 'inconclusive',
    failOn: run.failOn,
    required: { checked: 0, total: 0, unchecked: [] },
    tool: { name: 'scim-conformance', version: packageVersion() },
    runId: run.runId,
    seed: run.seed,
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    target: { url: run.url, demo: run.demo },
    profile: { name: run.profile.name, title: run.profile.title, mode: run.profile.mode },
    summary: { total: 0, passed: 0, failed: 0, warnings: 0, skipped: 0, requests: 1, throttled: 0, rate: 0 },
    tests: [],
    cleanup: { created: [], deleted: [], leftBehind: [] },
    errors: [`the run stopped before any test (exit 3): ${message}`],
  };
}

/** CI=true (GitHub Actions, GitLab CI and most others set it), or CI=1. */
function ciEnvironment(env: Record<string, string | undefined> | undefined): boolean {
  const value = env?.CI?.toLowerCase();
  return value === 'true' || value === '1';
}

/** The target URL as reports show it: no query string (it may carry secrets), "(demo)" for the reference server. */
function displayTarget(url: string, demo: boolean): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${demo ? ' (bundled reference server)' : ''}`;
}

function interruption(signal: AbortSignal | undefined): RunResult['interrupted'] {
  if (!signal?.aborted) return undefined;
  return { signal: signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT', at: new Date().toISOString() };
}

/**
 * Tests vitest skipped because the run was cancelled say so in words a user understands; a test cut short by the
 * signal (its request was not sent, or was aborted, because of it) is skipped as not finished, never a failure.
 */
function markNotRun(tests: RunResult['tests'], signal: 'SIGINT' | 'SIGTERM'): void {
  for (const test of tests) {
    if (test.status === 'skipped' && (test.skipReason === 'not run' || /aborted by the user/i.test(test.skipReason ?? '')))
      test.skipReason = `not run: the run was interrupted (${signal})`;
    else if (test.status === 'skipped' && test.skipReason === 'not finished: the run was interrupted')
      test.skipReason = `not finished: the run was interrupted (${signal})`;
    else if ((test.status === 'failed' || test.status === 'warning') && cutShort(test)) {
      test.status = 'skipped';
      test.skipReason = `not finished: the run was interrupted (${signal})`;
      delete test.failure;
      delete test.baseline;
    }
  }
}

function notFinished(test: RunResult['tests'][number]): RunResult['tests'][number] {
  const { failure: _failure, baseline: _baseline, ...rest } = test;
  return { ...rest, status: 'skipped', skipReason: 'not finished: the run was interrupted' };
}

/**
 * What a progress line shows of a finished test, the only part of it redacted while the suites run: redacting every
 * recorded exchange of every test here cost CPU beside the suites (issue 19, decisions/suite-phase-ratio.md); the
 * whole result is redacted once, when it is published.
 */
function progressOf(test: RunResult['tests'][number]): Pick<RunResult['tests'][number], 'name' | 'area' | 'status' | 'durationMs' | 'level' | 'failure' | 'skipReason' | 'baseline'> {
  const { name, area, status, durationMs, level, failure, skipReason, baseline } = test;
  return { name, area, status, durationMs, level, ...(failure ? { failure } : {}), ...(skipReason !== undefined ? { skipReason } : {}), ...(baseline ? { baseline } : {}) };
}

function cutShort(test: RunResult['tests'][number]): boolean {
  const failure = test.failure;
  return failure !== undefined && failure.kind !== 'conformance' && /the run was interrupted|aborted|TestRunAbortError/i.test(failure.message);
}
