/**
 * State shared by every test of a run (they all run in one worker thread, src/runner/run.ts): the injected target
 * and profile, and one base client whose limiter and circuit breaker bound the whole run.
 */
import { inject } from 'vitest';
import { ScimClient } from '../client/scim-client.js';
import { Limiter } from '../client/limiter.js';
import type { TargetConfig } from '../model/target.js';
import type { Profile } from '../profiles/profile-schema.js';
import '../model/task-meta.js';
import './provided.js';

let base: ScimClient | undefined;
/** Aborted when vitest cancels the run (Ctrl-C / SIGTERM): every test client stops sending; cleanup clients do not. */
const interrupt = new AbortController();

/** Called by the harness when a test sees the run cancelled; stops every test's requests at once. */
export function stopRun(): void {
  interrupt.abort();
}

export function target(): TargetConfig {
  return inject('target');
}

export function profile(): Profile {
  return inject('profile');
}

let grep: RegExp | null | undefined;

/** --grep as a RegExp, or null when every test runs. */
export function grepPattern(): RegExp | null {
  if (grep === undefined) {
    const source = inject('grep');
    grep = source ? new RegExp(source) : null;
  }
  return grep;
}

export function baseClient(): ScimClient {
  if (!base) {
    const t = target();
    base = new ScimClient({
      baseUrl: t.baseUrl,
      token: t.token,
      timeoutMs: t.timeoutMs,
      maxBodyBytes: t.maxBodyBytes,
      insecure: t.insecure,
      ca: t.ca,
      limiter: new Limiter(t.concurrency, t.rate),
      readOnly: Boolean(t.readOnly),
      signal: interrupt.signal,
      // Retry-After is honoured up to 30 s (README), and never longer than --timeout: three waits and four
      // attempts then fit in a test's time (8 × --timeout + 10 s, src/runner/run.ts) whatever the server asks.
      retry: { max: 3, maxWaitMs: Math.min(30_000, t.timeoutMs) },
    });
  }
  return base;
}
