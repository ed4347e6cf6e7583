/**
 * Example data outside the behaviour under test. Many tests send values that are not what they are about: the
 * phone number a value-filter PATCH writes, the old address a user is created with before a batched update. A
 * server may validate such values (Microsoft asks endpoints to) and refuse one with 400; that says nothing about
 * the behaviour, so the test ends as skipped with a reason starting `inconclusive:` rather than failed (catalog
 * §0.1, "test data"; decisions/test-data.md).
 *
 * Narrow by construction: only the request a suite wraps in {@link withExamples} can end that way, only on a 400,
 * and only when two control requests agree that the value is what the server refuses — POST /Users with Entra's
 * create body plus the example attributes is refused with 400 as well, and Entra's create body alone is accepted.
 * What a behaviour is about (Entra's `"False"` string, a capitalised op, Entra's create body itself) is never
 * wrapped, so a 400 to it still fails the test ("setup failures are failures", decisions/grading.md).
 */
import type { TargetConfig } from '../model/target.js';
import type { Resources } from './resources.js';
import { ConformanceError } from './verify.js';

type Json = Record<string, unknown>;

/** What {@link withExamples} needs from the test (a BehaviourContext has it): resources for the control creates, skip. */
export interface IncidentalContext {
  resources: Resources;
  skip(reason: string): never;
  target: Pick<TargetConfig, 'readOnly'>;
}

export interface Examples {
  /** What the data is, for the reason: "phone number", "old work address and phone numbers". */
  what: string;
  /** The example attributes as they would sit in a POST /Users body, e.g. `{ phoneNumbers: [{ type, value }] }`. */
  attributes: Json;
}

/** The 400 an action was refused with, if that is why it threw. */
function refused(error: unknown): ConformanceError | undefined {
  return error instanceof ConformanceError && error.exchange?.response?.status === 400 ? error : undefined;
}

function answer(exchange: ConformanceError['exchange']): string {
  const request = exchange!.request;
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    /* keep the URL as recorded */
  }
  const body = (exchange!.response!.body ?? '').replace(/\s+/g, ' ').slice(0, 160);
  return `${request.method} ${path} → 400 ${body}`.trim();
}

/** POST /Users with `extra` through the test's tracker (so that it is cleaned up): the 400 it got, or undefined. */
async function createRefusal(ctx: IncidentalContext, extra: Json): Promise<ConformanceError | 'other' | undefined> {
  try {
    await ctx.resources.createUser(extra);
    return undefined;
  } catch (error) {
    return refused(error) ?? 'other';
  }
}

/**
 * Runs `action`, a request that carries `examples` besides what the test is about. If it throws because the
 * server answered 400, and the server also refuses a plain create carrying the same examples while it accepts
 * Entra's create body alone, the test is skipped as inconclusive; otherwise the original error stands.
 */
export async function withExamples<T>(
  ctx: IncidentalContext,
  examples: Examples,
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const first = refused(error);
    if (!first || ctx.target.readOnly) throw error;
    const withValues = await createRefusal(ctx, examples.attributes);
    if (!withValues || withValues === 'other') throw error;
    if ((await createRefusal(ctx, {})) !== undefined) throw error;
    ctx.skip(
      `inconclusive: the server refused the test's own example ${examples.what}: ${answer(first.exchange)}; ` +
        `POST /Users with the same values was refused too (${answer(withValues.exchange).replace(/^POST \S+ → /, '')}) while Entra's create body alone was accepted, ` +
        'so the behaviour could not be judged with this data (not a failure: the values are only example data, see decisions/test-data.md).',
    );
  }
}
