/**
 * Step 1 of a run, target resolution: the settings → what to run (profile, suites, baseline, seed, run id) and,
 * for a run that sends requests, the target (the user's, or the bundled reference server) proven usable by the
 * preflight, with the profile read from it for `--profile discover`. Nothing here prints.
 */
import { Limiter } from '../client/limiter.js';
import { ScimClient } from '../client/scim-client.js';
import { KnownError, UsageError } from '../model/errors.js';
import { packageRoot } from '../model/package-root.js';
import { newRunId, newSeed } from '../model/run-identity.js';
import type { FailOn } from '../model/result.js';
import type { TargetConfig } from '../model/target.js';
import { discoverTargetProfile } from '../profiles/discover.js';
import { DISCOVER, loadProfile } from '../profiles/load.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { ReporterName } from '../../reporters/index.js';
import { loadBaseline, type Baseline } from './baseline.js';
import { startReferenceServer, type DemoTarget } from './demo.js';
import { preflight } from './preflight.js';
import { selectSuites, suiteName, suiteNames, uncompiledSuites } from './suites.js';

/** What a run needs to know; the CLI validates the flags into it (options.ts; the CA file is read there, once). */
export interface RunSettings {
  url?: string;
  token?: string;
  demo: boolean;
  /** A built-in profile name, a file, or `discover`. */
  profile: string;
  suite: string[];
  grep?: string;
  reporter: ReporterName[];
  outDir: string;
  seed?: number;
  timeout: number;
  concurrency: number;
  numRuns: number;
  rate?: number;
  insecure: boolean;
  /** The PEM text of --ca. */
  caPem?: string;
  noCleanup: boolean;
  readOnly: boolean;
  list: boolean;
  quiet: boolean;
  verbose: boolean;
  baseline?: string;
  failOn: FailOn;
}

export interface RunPlan {
  /** --profile discover: `profile` is entra-default until the target's /Schemas are read (openTarget). */
  discover: boolean;
  profile: Profile;
  files: string[];
  baseline?: Baseline;
  seed: number;
  runId: string;
  /** The target's configuration without its URL and token (a --list run has neither). */
  base: Omit<TargetConfig, 'baseUrl' | 'token'>;
}

export function planRun(settings: RunSettings): RunPlan {
  const discover = settings.profile === DISCOVER;
  if (discover && settings.list)
    throw new UsageError(
      `--list cannot show the tests of --profile ${DISCOVER}: that profile is read from the target at run time`,
    );
  const profile = loadProfile(discover ? 'entra-default' : settings.profile);
  const selection = selectSuites(settings.suite);
  const [unknown] = selection.unknown;
  if (unknown !== undefined)
    throw new UsageError(`--suite: unknown suite "${unknown}"; available: ${suiteNames().join(', ')}`);
  const [uncompiled] = uncompiledSuites(selection.files);
  if (uncompiled !== undefined)
    throw new KnownError(
      `suites/${suiteName(uncompiled)}.test.ts is not compiled: dist/ is older than the suites; run "npm run build" in ${packageRoot()}`,
      'internal',
    );
  const baseline = settings.baseline ? loadBaseline(settings.baseline) : undefined;
  const seed = settings.seed ?? newSeed();
  const runId = newRunId();
  const base = {
    timeoutMs: settings.timeout,
    maxBodyBytes: 1024 * 1024,
    insecure: settings.insecure,
    ...(settings.caPem ? { ca: settings.caPem } : {}),
    runId,
    seed,
    concurrency: settings.concurrency,
    numRuns: settings.numRuns,
    ...(settings.rate !== undefined ? { rate: settings.rate } : {}),
    noCleanup: settings.noCleanup,
    readOnly: settings.readOnly,
  };
  return { discover, profile, files: selection.files, ...(baseline ? { baseline } : {}), seed, runId, base };
}

export interface OpenTarget {
  target: TargetConfig;
  /** The run-wide client of the main process (preflight, discovery, final cleanup). */
  client: ScimClient;
  /** `client`, counting every request it sends into `sent.requests`. */
  counting: ScimClient;
  sent: { requests: number };
  demo?: DemoTarget;
  /** The preflight's one-line notice for the top of the output (src/runner/preflight.ts), if any. */
  notice?: string;
}

/**
 * The target of a run that sends requests: the reference server is started for --demo. `onUnusable` runs when the
 * preflight finds the target unusable (a `target` KnownError, exit 3), before the error is thrown on; the demo
 * server is closed by the caller (`demo.close()`), also when this throws after starting it.
 */
export async function openTarget(
  settings: RunSettings,
  plan: RunPlan,
  onUnusable: (error: KnownError, target: TargetConfig, demo: boolean) => Promise<void>,
): Promise<OpenTarget & { profile: Profile }> {
  const demo = settings.demo ? await startReferenceServer(plan.profile) : undefined;
  try {
    const baseUrl = demo?.url ?? settings.url;
    const token = demo?.token ?? settings.token;
    if (baseUrl === undefined || token === undefined)
      throw new UsageError('no target: pass --url with a token, or --demo');
    const target: TargetConfig = { ...plan.base, baseUrl, token };
    // Retry-After is capped at 30 s and at --timeout, as in the suites (src/harness/context.ts).
    const client = new ScimClient({
      ...target,
      limiter: new Limiter(settings.concurrency, settings.rate),
      readOnly: settings.readOnly,
      retry: { max: 3, maxWaitMs: Math.min(30_000, settings.timeout) },
    });
    const sent = { requests: 0 };
    const counting = client.withRecorder(() => sent.requests++);
    const notice = await preflight(counting).catch(async (error: unknown) => {
      if (error instanceof KnownError && error.kind === 'target') await onUnusable(error, target, Boolean(demo));
      throw error;
    });
    const profile = plan.discover ? await discoverTargetProfile(counting, target.baseUrl) : plan.profile;
    return { target, client, counting, sent, ...(demo ? { demo } : {}), ...(notice ? { notice } : {}), profile };
  } catch (error) {
    await demo?.close();
    throw error;
  }
}
