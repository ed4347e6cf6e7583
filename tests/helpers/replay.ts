/**
 * What each test of a run sent, with the parts that legitimately differ between two runs of the same seed masked:
 * the run marker (`scimc-<runId>`, or the run id alone, in any letter case, since case-variant tests upper-case it), the ids and
 * locations the server assigned (a test PATCHes `/Users/<id>` and sends member ids), and the target's origin
 * (the demo server listens on a new port each run). Requests are ordered by their sequence number, which the
 * client assigns when it sends, so concurrent requests compare in the order the test issued them.
 */
import type { RunResult } from '../../src/model/result.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every id and Location the server handed out in this run, longest first (so that no id masks part of another). */
function serverIds(results: RunResult): string[] {
  const ids = new Set<string>();
  for (const test of results.tests)
    for (const exchange of test.exchanges) {
      const body = exchange.response?.body ?? '';
      for (const match of body.matchAll(/"id"\s*:\s*"([^"]+)"/g)) ids.add(match[1]!);
      const location = exchange.response?.headers.location;
      if (location) ids.add(location.slice(location.lastIndexOf('/') + 1));
    }
  // Users shared by several tests (src/harness/member-pool.ts) are created outside any test's exchanges.
  for (const ref of results.cleanup.created) ids.add(ref.id);
  return [...ids].filter((id) => id.length >= 8).sort((a, b) => b.length - a.length);
}

/**
 * U-30 walks an unfiltered /Users listing: how many pages it reads, and from which startIndex, depends on how many
 * users the concurrent tests hold at that moment, not on the seed. Its walk (GET /Users?startIndex…) is left out of
 * the comparison; what it creates, disables and deletes is compared like every other request.
 */
const STATE_DEPENDENT = /^GET \S*\/Users\?(?!filter)\S*startIndex=/;

/** Test name → the requests it sent (method, path and query, body), masked. */
export function maskedRequests(results: RunResult): Map<string, string[]> {
  // The run id alone also counts: D-13 puts it in an unknown route's name.
  const marker = new RegExp(escape(results.runId), 'gi');
  const origin = new RegExp(escape(new URL(results.target.url).origin), 'g');
  const ids = serverIds(results);
  const mask = (text: string) => {
    let out = text.replace(origin, 'ORIGIN').replace(marker, 'RUN');
    for (const id of ids) out = out.split(id).join('ID');
    return out;
  };
  const byTest = new Map<string, string[]>();
  for (const test of results.tests) {
    const sent = [...test.exchanges]
      .sort((a, b) => a.seq - b.seq || a.attempt - b.attempt)
      .map((e) => mask(`${e.request.method} ${e.request.url} ${e.request.body ?? ''}`))
      .filter((line) => !STATE_DEPENDENT.test(line));
    byTest.set(test.name, sent);
  }
  return byTest;
}

/** Names of the tests (whose file starts with `under`) that sent different requests in the two runs. */
export function testsThatSentDifferently(
  a: RunResult,
  b: RunResult,
  under = '',
): { differ: string[]; compared: number } {
  const left = maskedRequests(a);
  const right = maskedRequests(b);
  const names = a.tests.filter((t) => t.file.startsWith(under) && right.has(t.name)).map((t) => t.name);
  const differ = names.filter((name) => JSON.stringify(left.get(name)) !== JSON.stringify(right.get(name)));
  return { differ, compared: names.length };
}
