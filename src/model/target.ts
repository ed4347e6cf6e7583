/**
 * What the runner hands to the suites (vitest provide/inject). The token lives here and in the client only;
 * nothing recorded contains it.
 */
import type { Profile } from '../profiles/profile-schema.js';

export interface TargetConfig {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  maxBodyBytes: number;
  insecure: boolean;
  ca?: string;
  /** Unique marker of this run; every name the suite creates starts with `scimc-<runId>`. */
  runId: string;
  seed: number;
  concurrency: number;
  /** Don't delete what the tests created (for debugging a target). */
  noCleanup: boolean;
}

export interface Provided {
  target: TargetConfig;
  profile: Profile;
}
