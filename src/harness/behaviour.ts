/**
 * behaviour(id, title, fn) declares one test of one catalog behaviour. The catalog supplies level, mode, spec
 * anchors and what Entra would do; the wrapper gives the test a recording client, a resource tracker and the
 * run's names, records every exchange in task meta, turns thrown errors into a structured Failure, and cleans up.
 */
import { test, type TestContext } from 'vitest';
import { behaviourInfo, type BehaviourId } from '../catalog/behaviours.js';
import type { Level } from '../catalog/types.js';
import type { TestTag } from '../catalog/tags.js';
import type { ScimClient } from '../client/scim-client.js';
import { TransportError } from '../client/transport.js';
import type { Exchange } from '../model/exchange.js';
import type { Failure, SkipCode } from '../model/result.js';
import { newTaskMeta, type ScimTaskMeta } from '../model/task-meta.js';
import type { TargetConfig } from '../model/target.js';
import type { Profile } from '../profiles/profile-schema.js';
import { baseClient, grepPattern, profile as injectedProfile, stopRun, target as injectedTarget } from './context.js';
import { Names } from '../entra/names.js';
import { Resources } from './resources.js';
import { ConformanceError, InconclusiveError } from './verify.js';

export interface BehaviourContext {
  client: ScimClient;
  resources: Resources;
  names: Names;
  target: TargetConfig;
  profile: Profile;
  /** Ends the test as skipped, with the reason shown in every report. */
  skip(reason: string): never;
  task: TestContext['task'];
}

export interface BehaviourOptions {
  /** Overrides the catalog level for this test (e.g. the RECOMMENDED half of a mixed entry). */
  level?: Level;
  tags?: TestTag[];
  timeout?: number;
}

/** Largest body text kept per exchange in reports; the client keeps more for parsing. */
const RECORDED_BODY_CHARS = 64 * 1024;

export function behaviour(id: BehaviourId, title: string, fn: (ctx: BehaviourContext) => Promise<void>): void;
export function behaviour(
  id: BehaviourId,
  title: string,
  options: BehaviourOptions,
  fn: (ctx: BehaviourContext) => Promise<void>,
): void;
export function behaviour(
  id: BehaviourId,
  title: string,
  optionsOrFn: BehaviourOptions | ((ctx: BehaviourContext) => Promise<void>),
  maybeFn?: (ctx: BehaviourContext) => Promise<void>,
): void {
  // --grep matches the test's own name, "<id> <title>" (not the suite's describe around it); a test it leaves out
  // is not part of the run: not declared, so not listed, counted or reported as skipped.
  if (grepPattern()?.test(`${id} ${title}`) === false) return;
  const options = typeof optionsOrFn === 'function' ? {} : optionsOrFn;
  const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn!;
  const info = behaviourInfo(id);
  const level = options.level ?? info.level;
  const meta = newTaskMeta({ behaviour: id, level, mode: info.mode, spec: info.spec, entra: info.entra });
  const tags = [...new Set<TestTag>([level, ...(options.tags ?? [])])];

  test(
    `${id} ${title}`,
    { meta: { scim: meta }, tags, concurrent: true, timeout: options.timeout },
    async (context) => {
      // The meta object given in the options is copied onto the task; work on the task's own copy.
      const scim = context.task.meta.scim!;
      const target = injectedTarget();
      const record = (exchange: Exchange) => scim.exchanges.push(trimForReport(exchange));
      // When vitest cancels the run (Ctrl-C, SIGTERM), every test client of the run stops sending (context.ts);
      // the cleanup client (signal null) keeps working so that the test can still delete what it created.
      context.signal.addEventListener('abort', () => {
        if ((context.signal.reason as Error | undefined)?.name === 'TestRunAbortError') stopRun();
      });
      const client = baseClient().withRecorder(record);
      const cleanupClient = baseClient().withRecorder(() => {
        scim.cleanupRequests++;
      }, null);
      // Every value the test sends derives from (run seed, test name): same --seed, same requests (names.ts).
      const names = new Names(target.runId, target.seed, `${id} ${title}`);
      const resources = new Resources(client, cleanupClient, scim, names);
      // The run-wide breaker is open: the target stopped answering; don't spend --timeout on this test too.
      const skipAs = (code: SkipCode, text: string, shown = text): never => {
        scim.skip = { code, text };
        return context.skip(shown);
      };
      const open = baseClient().breaker.openReason;
      if (open) skipAs('target-stopped', open, `not run: ${open}`);
      try {
        await fn({
          client,
          resources,
          names,
          target,
          profile: injectedProfile(),
          task: context.task,
          skip: (reason: string) => skipAs('unsupported', reason),
        });
      } catch (error) {
        if (!isSkip(error)) {
          if (context.signal.aborted && (context.signal.reason as Error | undefined)?.name === 'TestRunAbortError')
            skipAs('not-finished', 'the run was interrupted', 'not finished: the run was interrupted');
          if (error instanceof InconclusiveError) skipAs('inconclusive', error.reason, error.message);
          if (error instanceof TransportError && error.code === 'not-sent' && !scim.exchanges.some((e) => e.response)) {
            const cause = error.message.replace(/^.*?: not sent: /, '');
            skipAs(baseClient().breaker.openReason ? 'target-stopped' : 'not-sent', cause, `not run: ${cause}`);
          }
          scim.failure = toFailure(error, scim);
        }
        throw error;
      } finally {
        if (!target.noCleanup) await resources.cleanup();
        scim.pace = baseClient().limiter.snapshot();
      }
    },
  );
}

function isSkip(error: unknown): boolean {
  // vitest's ctx.skip() throws a PendingError (code VITEST_PENDING); let it through untouched.
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'VITEST_PENDING';
}

function toFailure(error: unknown, scim: ScimTaskMeta): Failure {
  if (error instanceof ConformanceError) {
    const index = error.exchange
      ? scim.exchanges.findIndex((e) => e.seq === error.exchange!.seq && e.attempt === error.exchange!.attempt)
      : -1;
    return {
      kind: 'conformance',
      message: error.detail.message,
      ...(error.detail.expected !== undefined ? { expected: error.detail.expected } : {}),
      ...(error.detail.actual !== undefined ? { actual: error.detail.actual } : {}),
      ...(error.detail.hint !== undefined ? { hint: error.detail.hint } : {}),
      entra: scim.entra,
      ...(index >= 0 ? { exchange: index } : {}),
    };
  }
  if (error instanceof TransportError) {
    // 'not-sent' (breaker open) has no exchange of its own; every other transport error is the last exchange, when
    // one was recorded (a request aborted by Ctrl-C before it was recorded has none: results.json needs index >= 0).
    const exchange =
      error.code === 'not-sent' || scim.exchanges.length === 0 ? {} : { exchange: scim.exchanges.length - 1 };
    return { kind: 'transport', message: error.message, entra: scim.entra, ...exchange };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'error', message: message.split('\n')[0]! };
}

function trimForReport(exchange: Exchange): Exchange {
  const body = exchange.response?.body;
  if (body === undefined || body.length <= RECORDED_BODY_CHARS) return exchange;
  return {
    ...exchange,
    response: {
      ...exchange.response!,
      body: `${body.slice(0, RECORDED_BODY_CHARS)}\n… [${body.length - RECORDED_BODY_CHARS} more characters not kept in the report]`,
    },
  };
}
