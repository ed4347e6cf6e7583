/**
 * For vendors who write their own vitest tests with this harness (docs/harness.md): the part of a vitest config that
 * the scim-conformance CLI gives its suites (src/runner/run.ts), built from a URL and a token: `provide` (target,
 * profile) and the test tags behaviour() uses. Tests then get the same recording client, resource tracker, run-marked
 * names and cleanup as the suites do. Like a CLI run (src/runner/plan.ts) it picks the run id and the seed
 * (src/model/run-identity.ts); everything else the tests send derives from them.
 */
import type { ProvidedContext } from 'vitest';
import { TEST_TAGS } from '../catalog/tags.js';
import type { TargetConfig } from '../model/target.js';
import './provided.js';
import { newRunId, newSeed } from '../model/run-identity.js';
import { loadProfile } from '../profiles/load.js';

export interface HarnessTarget {
  /** Base URL of the SCIM endpoint (Entra's Tenant URL), e.g. "https://app.example.com/scim/v2". */
  url: string;
  /** Bearer token the endpoint accepts. It stays in the worker's client; reports redact it. */
  token: string;
  /** A built-in profile name (as `--profile`) or the path of a profile file. @defaultValue "entra-default" */
  profile?: string;
  /** Seed of every generated value: the same seed sends the same data. @defaultValue a random seed */
  seed?: number;
  /** Per-request timeout in ms (Entra waits 60 s). @defaultValue 60000 */
  timeoutMs?: number;
  /** Most requests in flight at once, all tests together. @defaultValue 4 */
  concurrency?: number;
  /** Skip TLS verification (test servers only). @defaultValue false */
  insecure?: boolean;
  /** PEM text of a certificate authority to trust. */
  ca?: string;
  /** Keep what the tests created (for debugging the endpoint). @defaultValue false */
  noCleanup?: boolean;
}

export interface HarnessConfig {
  provide: Pick<ProvidedContext, 'target' | 'profile' | 'grep'>;
  /** The tags behaviour() puts on its tests (levels, read-only): vitest refuses tags its config does not define. */
  tags: Array<{ name: string; description: string }>;
}

/** For a vitest config: `defineConfig({ test: { ...harnessConfig({ url, token }), include: […] } })`. */
export function harnessConfig(options: HarnessTarget): HarnessConfig {
  if (!/^https?:\/\//.test(options.url))
    throw new Error(`harnessConfig: url must start with http:// or https://, got "${options.url}"`);
  if (!options.token)
    throw new Error(
      'harnessConfig: a bearer token is required (read it from an environment variable, never from the source)',
    );
  const target: TargetConfig = {
    baseUrl: options.url.replace(/\/+$/, ''),
    token: options.token,
    timeoutMs: options.timeoutMs ?? 60_000,
    maxBodyBytes: 1024 * 1024,
    insecure: options.insecure ?? false,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    // Every name the tests create starts with scimc-<runId>, so `scim-conformance cleanup` finds leftovers.
    runId: newRunId(),
    seed: options.seed ?? newSeed(),
    concurrency: options.concurrency ?? 4,
    noCleanup: options.noCleanup ?? false,
  };
  return {
    provide: { target, profile: loadProfile(options.profile ?? 'entra-default'), grep: '' },
    tags: Object.entries(TEST_TAGS).map(([name, description]) => ({ name, description })),
  };
}
