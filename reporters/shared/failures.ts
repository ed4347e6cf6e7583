/**
 * Failed judgements as a reader acts on them (issue 17): grouped by behaviour ("P-08 ×12"), with the server's own
 * SCIM error decoded ("400 noTarget: no value of emails matches …") instead of an escaped JSON string cut short.
 * Shared by the console, the HTML page, the markdown summary and JUnit, so they never disagree.
 */
import type { Exchange } from '../../src/model/exchange.js';
import type { TestResult } from '../../src/model/result.js';
import { decodeScimError } from '../../src/model/server-error.js';

export { decodeScimError };

export interface FailureGroup {
  behaviour: string;
  /** failed (blocking) or warning. */
  status: 'failed' | 'warning';
  /** The tests of this behaviour with this status, in run order; never empty. */
  tests: [TestResult, ...TestResult[]];
}

/** Failed and warning tests grouped by behaviour and status, in the order each group first appears. */
export function groupFailures(tests: readonly TestResult[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const test of tests) {
    if (test.status !== 'failed' && test.status !== 'warning') continue;
    const key = `${test.status}\u0000${test.behaviour}`;
    const group = groups.get(key);
    if (group) group.tests.push(test);
    else groups.set(key, { behaviour: test.behaviour, status: test.status, tests: [test] });
  }
  return [...groups.values()];
}

/** "P-08 ×12" for a group of twelve, "P-08" for one. */
export function groupLabel(group: FailureGroup): string {
  return group.tests.length > 1 ? `${group.behaviour} ×${group.tests.length}` : group.behaviour;
}

/** The exchange that showed the failure, else the last one that answered with an error status. */
function culprit(test: TestResult): Exchange | undefined {
  const index = test.failure?.exchange;
  if (index !== undefined && test.exchanges[index]) return test.exchanges[index];
  return [...test.exchanges].reverse().find((e) => e.response !== undefined && e.response.status >= 400);
}

/** The server's own error for this failure, decoded, when it answered with a SCIM error body. */
export function serverError(test: TestResult): string | undefined {
  const response = culprit(test)?.response;
  if (!response || response.status < 400) return undefined;
  return decodeScimError(response.status, response.body);
}

/** `got 400: "{\"schemas\":…` as checks write it: the escaped body that the decoded error replaces. */
const QUOTED_ERROR_BODY = /got (\d{3}): "\{.*$/s;

/**
 * The failure message with the server's error readable: an escaped JSON error body in it (cut short by the check)
 * is replaced by the decoded error. Other messages are returned as they are; see serverErrorNote.
 */
export function readableMessage(test: TestResult): string {
  const message = test.failure?.message ?? 'failed without a message';
  const decoded = serverError(test);
  if (decoded === undefined || !QUOTED_ERROR_BODY.test(message)) return message;
  return message.replace(QUOTED_ERROR_BODY, `got ${decoded}`);
}

/** The decoded server error when readableMessage does not already show it, for a line of its own. */
export function serverErrorNote(test: TestResult): string | undefined {
  const decoded = serverError(test);
  return decoded !== undefined && !readableMessage(test).includes(decoded) ? decoded : undefined;
}

/** A message with resource ids masked, so that failures that differ only by the resource they hit compare equal. */
export function messageShape(message: string): string {
  return message.replace(/\/(Users|Groups)\/[^\s/?]+/g, '/$1/{id}');
}
