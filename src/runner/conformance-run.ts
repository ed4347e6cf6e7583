/**
 * The main job, in three steps: target resolution (src/runner/plan.ts: settings → profile, suites, target proven
 * usable by the preflight), the run (here: suites, then final cleanup) and result assembly (src/runner/assemble.ts:
 * one RunResult), then reporters. The outcome goes back to src/cli, which alone turns it into an exit code.
 */
import { appendFile } from 'node:fs/promises';
import { makeRedactor, redactDeep } from '../client/redact.js';
import type { ScimClient } from '../client/scim-client.js';
import type { RunResult } from '../model/result.js';
import type { TargetConfig } from '../model/target.js';
import { UsageError } from '../model/errors.js';
import { createConsoleReporter, renderMarkdown, writeReports } from '../../reporters/index.js';
import {
  assembleResult,
  cutShort,
  displayTarget,
  interruption,
  markNotRun,
  notFinished,
  runPace,
  targetErrorResult,
} from './assemble.js';
import { publishTests } from './cap-bodies.js';
import { noSuiteRun } from './collect.js';
import { finalCleanup, sweepAndVerify } from './final-cleanup.js';
import type { Grading } from './grade.js';
import { prepareOutDir } from './out-dir.js';
import { openTarget, planRun, type RunPlan, type RunSettings } from './plan.js';
import { addReproductions } from './reproduce.js';
import type { runSuites as RunSuites, SuiteRunOutput } from './run.js';
import { suiteFiles } from './suites.js';
import { requiredBehaviours, requiredCoverage } from './verdict.js';

export type { RunSettings } from './plan.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** The environment (CI=true makes the console compact); default: none. */
  env?: Record<string, string | undefined>;
  /** Aborted by Ctrl-C / SIGTERM (its reason is the signal name): see README "Cleanup". */
  signal?: AbortSignal;
  /** Given the published (redacted) result and the report files written, once, before the exit code is chosen (--json). */
  onResult?: (result: RunResult, reports: string[]) => void;
}

/** What a run ends with: the tests listed (--list), or the result of a run (also an interrupted one). */
export type RunOutcome = { kind: 'listed'; errors: string[] } | { kind: 'ran'; result: RunResult };

export async function conformanceRun(settings: RunSettings, io: Io): Promise<RunOutcome> {
  const plan = planRun(settings);
  // vitest (and vite) take a few hundred ms of CPU to load: start now, while the preflight waits for the target.
  const runner = import('./run.js');
  runner.catch(() => undefined); // awaited below; a run that stops at preflight never needs it
  const runSuites: typeof RunSuites = async (...args) => (await runner).runSuites(...args);

  if (settings.list) {
    const target: TargetConfig = { ...plan.base, baseUrl: settings.url ?? 'http://127.0.0.1:9/list-only', token: '' };
    const { tests, errors } = await runSuites({
      target,
      profile: plan.profile,
      files: plan.files,
      grep: settings.grep,
      readOnly: settings.readOnly,
      list: true,
    });
    for (const test of tests) io.out(`${test.area.padEnd(11)} ${test.name}  [${test.level}]\n`);
    io.out(`${tests.length} tests in ${plan.files.length} suites (profile ${plan.profile.name})\n`);
    for (const error of errors) io.err(`scim-conformance: ${error}\n`);
    return { kind: 'listed', errors };
  }

  // A report folder that cannot be written is found now, before any request (exit 2), not after the whole run.
  const fileReporters = settings.reporter.filter((r) => r !== 'console');
  if (fileReporters.length > 0) prepareOutDir(settings.outDir);

  const opened = await openTarget(settings, plan, async (error, target, demo) => {
    // Exit 3 (unreachable, TLS, token rejected): CI still gets junit.xml (one <error>) and results.json.
    if (fileReporters.length === 0 && !io.onResult) return;
    const failed = redactDeep(
      targetErrorResult(error.message, {
        runId: plan.runId,
        seed: plan.seed,
        failOn: settings.failOn,
        url: displayTarget(target.baseUrl, false),
        demo,
        profile: plan.profile,
      }),
      makeRedactor(target.token),
    );
    const paths = await writeReports(failed, fileReporters, settings.outDir).catch(() => []);
    if (paths.length) io.out(`${paths.join('\n')}\n`);
    await appendStepSummary(io, failed);
    io.onResult?.(failed, paths);
  });
  try {
    if (opened.notice) io.err(`scim-conformance: ${opened.notice}\n`);
    const result = await runAndAssemble(settings, { ...plan, profile: opened.profile }, opened, runSuites, io);
    // The tests were redacted and cut while the target was swept (runAndAssemble); the rest is redacted now, with the
    // same redactor: its pattern is already compiled and warm (a new one cost 30-110 ms at the end of a loaded run).
    const published: RunResult = {
      ...redactDeep({ ...result.result, tests: [] }, result.redactor),
      tests: result.publishedTests,
    };
    const paths = fileReporters.length ? await writeReports(published, fileReporters, settings.outDir) : [];
    await appendStepSummary(io, published);
    io.onResult?.(published, paths);
    result.startConsole(published.tests.length);
    if (settings.reporter.includes('console')) result.console.finish(published, paths);
    else if (paths.length) io.out(`${paths.join('\n')}\n`);
    if (published.cleanup.leftBehind.length > 0)
      io.err(
        `scim-conformance: ${published.cleanup.leftBehind.length} resources of this run are still on the target; remove them with: scim-conformance cleanup --url ${published.target.url} --run-id ${plan.runId}\n`,
      );
    return { kind: 'ran', result: result.result };
  } finally {
    await opened.demo?.close();
  }
}

/** Step 2, the run: the suites, the final cleanup, then the result assembled from both. */
async function runAndAssemble(
  settings: RunSettings,
  plan: RunPlan,
  opened: Awaited<ReturnType<typeof openTarget>>,
  runSuites: typeof RunSuites,
  io: Io,
) {
  const { target, client, counting, sent, demo, profile } = opened;
  const progress = settings.quiet || (ciEnvironment(io.env) && !settings.verbose) ? 'compact' : 'verbose';
  const console = createConsoleReporter({ write: io.out, color: io.color, progress });
  // Tests and exchanges hold raw data (the checks judge it); what leaves the process is redacted, once.
  const redactor = makeRedactor(target.token);
  const grading: Grading = {
    failOn: settings.failOn,
    ...(plan.baseline ? { knownFailures: plan.baseline.failed } : {}),
  };
  const startedAt = new Date();
  // The header waits for the collection, so that it states the real test count.
  let started = false;
  const startConsole = (total: number) => {
    if (started) return;
    started = true;
    console.start({
      total,
      target: displayTarget(target.baseUrl, Boolean(demo)),
      profile: profile.name,
      seed: plan.seed,
    });
  };
  let early: { resources: SuiteRunOutput['resources']; cleaning: ReturnType<typeof cleanUpTarget> } | undefined;
  const { tests, errors, resources }: SuiteRunOutput = io.signal?.aborted
    ? noSuiteRun()
    : await runSuites({
        target,
        profile,
        files: plan.files,
        grep: settings.grep,
        readOnly: settings.readOnly,
        signal: io.signal,
        // After Ctrl-C, running tests get this long to abort their requests and delete what they created.
        graceMs: Math.max(10_000, 3 * settings.timeout),
        grading,
        onCollected: startConsole,
        // The first redactions (the header, the first progress lines) would compile the token's pattern on the way
        // to the first test; V8 compiles it on a first and again on a second use (src/client/redact.ts).
        // The tests that send requests have all ended: the final cleanup and the sweep start now, beside the last
        // suite and vitest's wind-down (0.05-0.1 s; issue 19). What the run's end then finds is compared with what
        // they were given (below).
        onOthersEnded: (ended) => {
          if (io.signal?.aborted) return;
          const cleaning = cleanUpTarget(settings, plan.runId, counting, ended);
          cleaning.catch(() => undefined); // awaited below
          early = { resources: ended, cleaning };
        },
        whileLoading: () => {
          redactor.text(plan.runId);
          redactor.text(plan.runId);
        },
        onTestDone: (test, done, total) =>
          console.testDone(
            redactDeep(progressOf(io.signal?.aborted && cutShort(test) ? notFinished(test) : test), redactor),
            done,
            total,
          ),
      });
  // A --grep that matches no test of the selected suites is a mistake (a typo in a CI job), not a green run.
  if (settings.grep && tests.length === 0 && errors.length === 0 && !io.signal?.aborted)
    throw new UsageError(
      `--grep: "${settings.grep}" matches no test name in the selected suites (names are "<id> <title>", e.g. "U-20 PATCH Replace userName …")`,
    );
  // The breaker opened (src/client/breaker.ts): the run cannot pass, even if no test that ran failed.
  const notRun = tests.filter((t) => t.status === 'skipped' && t.skip?.code === 'target-stopped');
  const [firstNotRun] = notRun;
  if (firstNotRun?.skip) errors.push(`${firstNotRun.skip.text}: ${notRun.length} tests were not run`);
  const interrupted = interruption(io.signal);
  if (interrupted) markNotRun(tests, interrupted.signal);

  // After the last test, side by side: the final cleanup and the sweep (requests to the target), the collection of
  // every suite for a narrowed run (M of "N of M required behaviours checked": nothing sent, 0.5-1.8 s measured,
  // decisions/verdict.md), and what the reports publish of each test (CPU, in slices between the sweep's answers).
  // A cleanup that began when the last suite started stands if the tests' record of what they created and deleted has
  // not changed since (the last suite only judges); otherwise (a run interrupted meanwhile, a suite that wrote) it
  // is followed by the whole cleanup again.
  const cleaning =
    early && !interrupted && sameResources(early.resources, resources)
      ? early.cleaning.then((report) => withCleanupErrors(report, resources))
      : (early?.cleaning.catch(() => undefined) ?? Promise.resolve()).then(() =>
          cleanUpTarget(settings, plan.runId, counting, resources),
        );
  cleaning.catch(() => undefined); // awaited below, after the tests are published
  const narrowed = settings.suite.length > 0 || settings.grep !== undefined || settings.readOnly;
  const declaring =
    narrowed && !interrupted
      ? runSuites({ target, profile, files: suiteFiles(), list: true }).then(
          (full) => requiredBehaviours(full.tests),
          () => requiredBehaviours(tests),
        )
      : Promise.resolve(requiredBehaviours(tests));
  const url = displayTarget(target.baseUrl, false);
  addReproductions(tests, {
    url,
    demo: Boolean(demo),
    seed: plan.seed,
    profile: settings.profile,
    failOn: settings.failOn,
  });
  const publishedTests = await publishTests(tests, redactor);
  const [cleanup, declared] = await Promise.all([cleaning, declaring]);
  // unrecordedRequests: passing cases of properties, whose exchanges are not kept (src/harness/property.ts).
  const requests =
    sent.requests +
    tests.reduce((sum, t) => sum + t.exchanges.length, 0) +
    resources.cleanupRequests +
    (resources.unrecordedRequests ?? 0);
  const result = assembleResult({
    runId: plan.runId,
    seed: plan.seed,
    failOn: settings.failOn,
    url,
    demo: Boolean(demo),
    profile,
    startedAt,
    finishedAt: new Date(),
    tests,
    errors,
    cleanup,
    required: requiredCoverage(tests, declared),
    requests,
    pace: runPace(client.limiter.snapshot(), resources.pace, requests),
    ...(interrupted ? { interrupted } : {}),
    readOnly: settings.readOnly,
    ...(plan.baseline ? { baseline: plan.baseline } : {}),
  });
  return { result, publishedTests, console, startConsole, redactor };
}

/**
 * The final cleanup, then (every run that wrote) the sweep for the run's marker and its read-back
 * (src/runner/final-cleanup.ts). A DELETE that a test's own cleanup sent and that failed is reported (the final
 * cleanup tried again; leftBehind says what is still there), not dropped.
 */
async function cleanUpTarget(
  settings: RunSettings,
  runId: string,
  counting: ScimClient,
  resources: SuiteRunOutput['resources'],
): Promise<RunResult['cleanup']> {
  const tracked = await finalCleanup(settings.noCleanup ? undefined : counting, resources);
  const swept = settings.noCleanup || settings.readOnly ? tracked : await sweepAndVerify(counting, runId, tracked);
  return withCleanupErrors(swept, resources);
}

function withCleanupErrors(report: RunResult['cleanup'], resources: SuiteRunOutput['resources']): RunResult['cleanup'] {
  return resources.cleanupErrors.length > 0 ? { ...report, errors: resources.cleanupErrors } : report;
}

/** The same resources created and the same deleted, in any order. */
function sameResources(a: SuiteRunOutput['resources'], b: SuiteRunOutput['resources']): boolean {
  const keys = (refs: Array<{ type: string; id: string }>) =>
    refs
      .map((r) => `${r.type}:${r.id}`)
      .sort()
      .join('\n');
  return keys(a.created) === keys(b.created) && keys(a.deleted) === keys(b.deleted);
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
    io.err(
      `scim-conformance: warning: could not append the job summary to GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`,
    );
  }
}

/** CI=true (GitHub Actions, GitLab CI and most others set it), or CI=1. */
function ciEnvironment(env: Record<string, string | undefined> | undefined): boolean {
  const value = env?.CI?.toLowerCase();
  return value === 'true' || value === '1';
}

/**
 * What a progress line shows of a finished test, the only part of it redacted while the suites run: redacting every
 * recorded exchange of every test here cost CPU beside the suites (issue 19, decisions/suite-phase-ratio.md); the
 * whole result is redacted once, when it is published.
 */
function progressOf(
  test: RunResult['tests'][number],
): Pick<
  RunResult['tests'][number],
  'name' | 'area' | 'status' | 'durationMs' | 'level' | 'failure' | 'skipReason' | 'baseline'
> {
  const { name, area, status, durationMs, level, failure, skipReason, baseline } = test;
  return {
    name,
    area,
    status,
    durationMs,
    level,
    ...(failure ? { failure } : {}),
    ...(skipReason !== undefined ? { skipReason } : {}),
    ...(baseline ? { baseline } : {}),
  };
}
