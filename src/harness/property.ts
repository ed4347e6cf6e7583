/**
 * property(id, title, options, build, predicate): one fast-check property as one catalog behaviour. Each generated
 * case runs with its own recording client and resource tracker, and everything it created is deleted when the case
 * ends, also the cases fast-check tries while shrinking. When the property fails, the test's exchanges are those of
 * the minimal counterexample (numbered from 1) and the failure names the seed and the fast-check path.
 *
 * Reproducible: the fast-check seed is derived from the run seed (--seed) and the test name, so a rerun with the
 * same --seed generates the same cases whatever else runs (the run marker in names differs per run).
 *
 * Examples first: a property may name hand-picked cases for the bug classes it exists for (fast-check `examples`).
 * They run before the random cases on every run, whatever --num-runs, so a small default budget still finds those
 * classes every time; the random cases (--num-runs × runsFactor) come after them. fast-check counts examples in
 * `numRuns` and gives them the first indexes of the path, so a replay with the same --seed and path finds them
 * again; they do not shrink (they have no generation context), and a failure says when its case was one.
 */
import fc from 'fast-check';
import type { Exchange } from '../model/exchange.js';
import { DEFAULT_NUM_RUNS, type TargetConfig } from '../model/target.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { BehaviourId } from '../catalog/behaviours.js';
import type { ScimClient } from '../client/scim-client.js';
import { behaviour, type BehaviourContext, type BehaviourOptions } from './behaviour.js';
import { baseClient } from './context.js';
import { Names } from '../entra/names.js';
import { Resources } from './resources.js';
import { TransportError } from '../client/transport.js';
import { ConformanceError, InconclusiveError } from './verify.js';
import { counterexampleText, numberedExchanges } from './property-report.js';

/** What one generated case gets: fresh per case, cleaned up after it. */
export interface PropertyRun {
  client: ScimClient;
  resources: Resources;
  names: Names;
  target: TargetConfig;
  profile: Profile;
}

/** A hand-picked case of a property: one value per arbitrary, as the predicate receives them. */
export interface PropertyExample<Ts> {
  /** The bug class it stands for, named in the failure when this case fails ("a userName with spaces"). */
  name: string;
  values: Ts;
}

export interface PropertyOptions<Ts extends unknown[] = unknown[]> extends BehaviourOptions {
  /** Share of --num-runs this property's random cases use (cheap cases may take more). @defaultValue 1 */
  runsFactor?: number;
  /** Letters/digits that keep names of this property apart from others running at the same time. */
  label: string;
  /**
   * Hand-picked cases run before the random ones on every run, built from the run marker (`target.runId` and the
   * label) so that they are unique per run. Keep them few: each costs what a random case costs.
   */
  examples?: (ctx: BehaviourContext & { label: string }) => Array<PropertyExample<Ts>>;
}

/** Longest a property may take; fast-check stops generating (and shrinking) a little earlier. */
const PROPERTY_TIMEOUT_MS = 600_000;
const STOP_AFTER_MS = 540_000;

/** FNV-1a of the test name mixed with the run seed: a stable 32-bit seed per property. */
export function propertySeed(runSeed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (runSeed | 0);
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * How many random cases a property runs, besides its examples: --num-runs (default {@link DEFAULT_NUM_RUNS}) times
 * its share, at least 1.
 */
export function runsFor(target: TargetConfig, factor = 1): number {
  return Math.max(1, Math.round((target.numRuns ?? DEFAULT_NUM_RUNS) * factor));
}

export function property<Ts extends [unknown, ...unknown[]]>(
  id: BehaviourId,
  title: string,
  options: PropertyOptions<NoInfer<Ts>>,
  build: (ctx: BehaviourContext & { label: string }) => { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (run: PropertyRun, ...values: Ts) => Promise<void>,
): void {
  const { runsFactor, label, examples: examplesFor, ...behaviourOptions } = options;
  behaviour(
    id,
    title,
    { ...behaviourOptions, timeout: behaviourOptions.timeout ?? PROPERTY_TIMEOUT_MS },
    async (ctx) => {
      const scim = ctx.task.meta.scim!;
      const arbitraries = build({ ...ctx, label });
      const examples = examplesFor?.({ ...ctx, label }) ?? [];
      const seed = propertySeed(ctx.target.seed, `${id} ${title}`);
      const cleanupClient = baseClient().withRecorder(() => {
        scim.cleanupRequests++;
      });
      let sent = 0;
      let lastRun: Exchange[] = [];
      let failingRun: Exchange[] | undefined;
      const check = fc.asyncProperty<Ts>(...arbitraries, async (...values: Ts) => {
        const exchanges: Exchange[] = [];
        const client = baseClient().withRecorder((exchange) => exchanges.push(exchange));
        const resources = new Resources(client, cleanupClient, scim, ctx.names);
        try {
          await predicate({ client, resources, names: ctx.names, target: ctx.target, profile: ctx.profile }, ...values);
        } catch (error) {
          if (!fc.PreconditionFailure.isFailure(error)) failingRun = exchanges;
          throw error;
        } finally {
          sent += exchanges.length;
          lastRun = exchanges;
          if (!ctx.target.noCleanup) await resources.cleanup();
        }
      });
      const details = await fc.check(check, {
        seed,
        examples: examples.map((example) => example.values),
        numRuns: examples.length + runsFor(ctx.target, runsFactor),
        interruptAfterTimeLimit: STOP_AFTER_MS,
      });
      const kept = details.failed && failingRun ? failingRun : lastRun;
      scim.exchanges.splice(0, scim.exchanges.length, ...kept);
      scim.unrecordedRequests = (scim.unrecordedRequests ?? 0) + sent - kept.length;
      if (!details.failed) return;
      // No answer from the target is not a counterexample: report it as the transport failure it is (issue 9).
      if (details.errorInstance instanceof TransportError) throw details.errorInstance;
      // The target offers no way to observe what the property judges (e.g. members, G-23): not a counterexample.
      if (details.errorInstance instanceof InconclusiveError) throw details.errorInstance;
      throw propertyFailure(id, ctx.target.seed, details, kept, examples);
    },
  );
}

/** The ConformanceError shown in every report: replay data first, then the inner judgement and the minimal case. */
function propertyFailure<Ts extends unknown[]>(
  id: string,
  runSeed: number,
  details: fc.RunDetails<Ts>,
  exchanges: Exchange[],
  examples: ReadonlyArray<PropertyExample<Ts>>,
): ConformanceError {
  const inner = details.errorInstance;
  const detail =
    inner instanceof ConformanceError
      ? inner.detail
      : { message: inner instanceof Error ? `${inner.name}: ${inner.message.split('\n')[0]}` : String(inner) };
  const where = `{ seed: ${details.seed}, path: "${details.counterexamplePath ?? ''}" }`;
  // A counterexample whose setup failed (the server refused to create what the case needs) is a setup failure too.
  const setup = detail.message.startsWith('setup:') ? 'setup: ' : '';
  const message = `${setup}Property failed after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s) ${where}: ${exampleNote(details, examples)}${detail.message}`;
  const actual = [
    detail.actual,
    `Minimal counterexample: ${counterexampleText(details.counterexample)}`,
    `Requests and responses of the minimal counterexample:\n${numberedExchanges(exchanges)}`,
  ]
    .filter(Boolean)
    .join('\n');
  const replay = `Replay: run again with --seed ${runSeed} (add --grep "${id}" to run only this test); fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ''}".`;
  const exchange = inner instanceof ConformanceError ? inner.exchange : exchanges[exchanges.length - 1];
  return new ConformanceError(
    {
      message,
      ...(detail.expected !== undefined ? { expected: detail.expected } : {}),
      actual,
      hint: [detail.hint, replay].filter(Boolean).join(' '),
    },
    exchange,
  );
}

/** "hand-picked example 2 of 3 (…): " when the failing case was one of the examples (the path's first index). */
function exampleNote<Ts>(details: fc.RunDetails<Ts>, examples: ReadonlyArray<PropertyExample<Ts>>): string {
  const path = details.counterexamplePath ?? '';
  const index = path === '' ? -1 : Number(path.split(':')[0]);
  const example = index >= 0 ? examples[index] : undefined;
  if (!example) return '';
  const shrunk = details.numShrinks > 0 ? ', shrunk' : '';
  return `hand-picked example ${index + 1} of ${examples.length} (${example.name}${shrunk}): `;
}
