/**
 * What each suite test carries in vitest's task meta, set by the harness in the worker and read by the runner
 * after the run. JSON-safe by construction.
 */
import type {} from 'vitest';
import type { Level, Mode } from '../catalog/types.js';
import type { Exchange } from './exchange.js';
import type { Failure, ResourceRef, SkipCause } from './result.js';
import type { PaceStats } from './pace.js';

export interface ScimTaskMeta {
  behaviour: string;
  level: Level;
  mode: Mode;
  spec: string[];
  entra: string;
  exchanges: Exchange[];
  failure?: Failure;
  /** Why the harness skipped the test (src/harness/behaviour.ts); absent when vitest skipped it. */
  skip?: SkipCause;
  created: ResourceRef[];
  deleted: ResourceRef[];
  /** Requests sent by cleanup (not listed as exchanges of the test). */
  cleanupRequests: number;
  cleanupErrors: string[];
  /** Requests sent but not kept as exchanges: the passing cases of a property (only the minimal counterexample is kept). */
  unrecordedRequests?: number;
  /** The run-wide limiter's counters when this test ended (src/client/limiter.ts): the latest one is the run's. */
  pace?: PaceStats;
}

/** A test's meta before it runs: what the catalog says of its behaviour, nothing sent, created or deleted yet. */
export function newTaskMeta(
  about: Pick<ScimTaskMeta, 'behaviour' | 'level' | 'mode' | 'spec' | 'entra'>,
): ScimTaskMeta {
  return {
    ...about,
    spec: [...about.spec],
    exchanges: [],
    created: [],
    deleted: [],
    cleanupRequests: 0,
    cleanupErrors: [],
  };
}

declare module 'vitest' {
  interface TaskMeta {
    scim?: ScimTaskMeta;
    /** Set on the stand-in test of a suite file that failed to load (src/runner/suites-entry.ts). */
    loadError?: string;
  }
}
