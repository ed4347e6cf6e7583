/**
 * What the reports embed of each body is capped (issue 16 item 6): the client keeps up to 1 MiB per exchange for
 * the checks, but a server that sends large bodies to every request would otherwise make a results.json of tens of
 * megabytes and a report.html a browser cannot open. Runs on the redacted result, after every judgement, so it never
 * changes a status; a cut body says how much was cut.
 */
import { redactDeep, type Redactor } from '../client/redact.js';
import type { RunResult, TestResult } from '../model/result.js';

/** Characters of one request or response body that the reports embed: more where a reader needs to see why. */
export const REPORT_BODY_CHARS = { judged: 64 * 1024, passed: 4 * 1024 };

export function capBodies(result: RunResult, limits = REPORT_BODY_CHARS): RunResult {
  return { ...result, tests: result.tests.map((test) => capTestBodies(test, limits)) };
}

function capTestBodies(test: TestResult, limits = REPORT_BODY_CHARS): TestResult {
  const limit = test.status === 'failed' || test.status === 'warning' ? limits.judged : limits.passed;
  const cut = (body: string) =>
    body.length <= limit
      ? body
      : `${body.slice(0, limit)}\n[… ${body.length - limit} more characters cut from the report; the checks read up to 1 MiB]`;
  return {
    ...test,
    exchanges: test.exchanges.map((exchange) => ({
      ...exchange,
      request:
        exchange.request.body === undefined
          ? exchange.request
          : { ...exchange.request, body: cut(exchange.request.body) },
      ...(exchange.response ? { response: { ...exchange.response, body: cut(exchange.response.body) } } : {}),
    })),
  };
}

/**
 * The tests as the reports publish them: redacted first, then cut (a cut through the token must not leave a part of
 * it in clear). In slices that yield to the event loop between them, so that the requests of the run's closing sweep,
 * sent just before, travel while this CPU work is done (src/runner/conformance-run.ts).
 */
export async function publishTests(tests: readonly TestResult[], redactor: Redactor): Promise<TestResult[]> {
  const out: TestResult[] = [];
  const SLICE = 25;
  for (let i = 0; i < tests.length; i += SLICE) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const test of tests.slice(i, i + SLICE)) out.push(capTestBodies(redactDeep(test, redactor)));
  }
  return out;
}
