/**
 * What the runner hands to the suites' worker with vitest's provide() (src/runner/run.ts), read there with inject()
 * (src/harness/context.ts, src/runner/suites-entry.ts).
 */
import type {} from 'vitest';
import type { TargetConfig } from '../model/target.js';
import type { Profile } from '../profiles/profile-schema.js';

declare module 'vitest' {
  interface ProvidedContext {
    target: TargetConfig;
    profile: Profile;
    /** The suite files of this run, in order (src/runner/suites-entry.ts imports them). */
    suites: Array<{
      name: string;
      url: string;
      /** Starts after every other suite has finished (src/runner/suites.ts runsLast). */ last?: boolean;
      /** Evaluated from `suitesBundle` rather than imported from `url` (compiled no later than the bundle). */
      bundled?: boolean;
    }>;
    /** URL of dist/suites/bundle.js, every suite in one module (scripts/bundle-suites.mjs); '' when it is missing. */
    suitesBundle: string;
    /** --grep: only tests whose name ("<id> <title>") matches this regular expression are declared ('' = all). */
    grep: string;
  }
}
