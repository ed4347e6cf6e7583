/**
 * The main job: options → target (the user's, or the bundled reference server) → preflight → suites → final
 * cleanup → one RunResult → reporters → exit code.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ScimClient } from '../client/scim-client.js';
import { Limiter } from '../client/limiter.js';
import { ExitCode, exitCodeFor } from '../cli/exit-codes.js';
import { UsageError } from '../cli/errors.js';
import type { RunOptions } from '../cli/options.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../model/result.js';
import type { TargetConfig } from '../model/target.js';
import { loadProfile } from '../profiles/load.js';
import { applyBaseline, loadBaseline } from './baseline.js';
import { startReferenceServer } from './demo.js';
import { finalCleanup } from './final-cleanup.js';
import { packageVersion } from './package-root.js';
import { preflight } from './preflight.js';
import { runSuites } from './run.js';
import { selectSuites, suiteNames } from './suites.js';
import { createConsoleReporter, writeReports } from '../../reporters/index.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

export async function conformanceRun(options: RunOptions, io: Io): Promise<ExitCode> {
  const profile = loadProfile(options.profile);
  const selection = selectSuites(options.suite);
  if (selection.unknown.length > 0)
    throw new UsageError(`--suite: unknown suite "${selection.unknown[0]}"; available: ${suiteNames().join(', ')}`);

  const baseline = options.baseline ? loadBaseline(options.baseline) : undefined;
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
    noCleanup: options.noCleanup,
  };

  if (options.list) {
    const target: TargetConfig = { ...base, baseUrl: options.url ?? 'http://127.0.0.1:9/list-only', token: '' };
    const { tests, errors } = await runSuites({ target, profile, files: selection.files, grep: options.grep, list: true });
    for (const test of tests) io.out(`${test.area.padEnd(11)} ${test.name}  [${test.level}]\n`);
    io.out(`${tests.length} tests in ${selection.files.length} suites (profile ${profile.name})\n`);
    for (const error of errors) io.err(`scim-conformance: ${error}\n`);
    return errors.length ? ExitCode.Fail : ExitCode.Pass;
  }

  const demo = options.demo ? await startReferenceServer(profile) : undefined;
  try {
    const target: TargetConfig = { ...base, baseUrl: demo?.url ?? options.url!, token: demo?.token ?? options.token! };
    const client = new ScimClient({ ...target, limiter: new Limiter(options.concurrency) });
    let requests = 0;
    const counting = client.withRecorder(() => requests++);
    await preflight(counting);

    const console = createConsoleReporter({ write: io.out, color: io.color });
    const startedAt = new Date();
    console.start({ total: 0, target: displayTarget(target.baseUrl, Boolean(demo)), profile: profile.name, seed });
    const { tests, errors, resources } = await runSuites({
      target,
      profile,
      files: selection.files,
      grep: options.grep,
      onTestDone: (test, done, total) => console.testDone(test, done, total),
    });

    const cleanup = await finalCleanup(options.noCleanup ? undefined : counting, resources);
    requests += tests.reduce((sum, t) => sum + t.exchanges.length, 0) + resources.cleanupRequests;
    const finishedAt = new Date();
    const result: RunResult = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      tool: { name: 'scim-conformance', version: packageVersion() },
      runId,
      seed,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      target: { url: displayTarget(target.baseUrl, Boolean(demo)), demo: Boolean(demo) },
      profile: { name: profile.name, title: profile.title, mode: profile.mode },
      summary: {
        total: tests.length,
        passed: tests.filter((t) => t.status === 'passed').length,
        failed: tests.filter((t) => t.status === 'failed').length,
        skipped: tests.filter((t) => t.status === 'skipped').length,
        requests,
      },
      tests,
      cleanup,
      errors,
    };
    if (baseline) applyBaseline(result, baseline);
    const fileReporters = options.reporter.filter((r) => r !== 'console');
    const paths = fileReporters.length ? await writeReports(result, fileReporters, options.outDir) : [];
    if (options.reporter.includes('console')) console.finish(result, paths);
    else if (paths.length) io.out(`${paths.join('\n')}\n`);
    return exitCodeFor(result, options.failOn);
  } finally {
    await demo?.close();
  }
}

/** The target URL as reports show it: no query string (it may carry secrets), "(demo)" for the reference server. */
function displayTarget(url: string, demo: boolean): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${demo ? ' (bundled reference server)' : ''}`;
}
