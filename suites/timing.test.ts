// Entra's 60-second limit (catalog D-23), judged over every request of the run. This suite runs after every other
// suite (src/runner/suites.ts RUN_LAST), so that it sees all of their exchanges.
import { behaviour, fail, runExchanges, responseTimeLimits, slowAnswers, timedOut, timedRequest, show } from '#harness';

behaviour(
  'D-23',
  "no request of this run went unanswered for Entra's 60 s (a slower answer is a timeout to Entra)",
  { tags: ['read-only'] },
  async ({ task, target, skip }) => {
    const { entraWaitMs } = responseTimeLimits();
    const exchanges = runExchanges(task.file);
    if (exchanges.length === 0) skip('no other test of this run sent a request, so there is no response time to judge');
    const late = timedOut(exchanges);
    if (late.length === 0) return;
    const list = late.slice(0, 5).map(timedRequest);
    if (target.timeoutMs < entraWaitMs)
      skip(
        `inconclusive: ${late.length} requests got no answer within --timeout ${target.timeoutMs / 1000} s, shorter than the ${entraWaitMs / 1000} s Entra waits (${list.join('; ')}); run with the default --timeout to judge them`,
      );
    fail(
      `${late.length} request${late.length === 1 ? '' : 's'} got no complete answer within ${target.timeoutMs / 1000} s: ${list.join('; ')}`,
      {
        expected: `every answer within ${entraWaitMs / 1000} s`,
        actual: show(list, 400),
        hint: 'Entra logs such a request as a timeout and retries the object in a later cycle; a create that succeeded on the server meets 409 then (U-31). Answer first and do slow work (licensing, mail, downstream sync) in the background.',
      },
    );
  },
);

behaviour(
  'D-23',
  "every answer of this run came within 5 s, well below Entra's 60 s limit",
  { level: 'recommended', tags: ['read-only'] },
  async ({ task, skip }) => {
    const { slowMs } = responseTimeLimits();
    const exchanges = runExchanges(task.file);
    if (exchanges.length === 0) skip('no other test of this run sent a request, so there is no response time to judge');
    const slow = slowAnswers(exchanges, slowMs);
    if (slow.length === 0) return;
    const list = slow.slice(0, 5).map(timedRequest);
    fail(
      `${slow.length} answer${slow.length === 1 ? ' was' : 's were'} slower than ${slowMs / 1000} s (slowest first): ${list.join('; ')}`,
      {
        expected: `answers within ${slowMs / 1000} s`,
        actual: show(list, 400),
        hint: "Entra waits at most 60 s per request and sends thousands of them in an initial cycle; an answer this slow under the light load of this run gets closer to the limit under Entra's (D-23).",
      },
    );
  },
);
