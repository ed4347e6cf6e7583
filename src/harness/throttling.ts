/**
 * Throttling (catalog D-14): a target cannot be made to throttle from outside, so suites judge the 429 answers that
 * happen to be recorded. The client retries a 429 after Retry-After, but records every attempt, so 429s stay visible.
 */
import type { Exchange } from '../model/exchange.js';

/** A vitest task tree (the run's one file, its describes and tests), as far as runExchanges needs it. */
interface TaskTree {
  meta: { scim?: { exchanges: Exchange[] } };
  tasks?: TaskTree[];
}

/** Every exchange recorded so far by the tests under `root` (the run's file: every suite of the run). */
export function runExchanges(root: TaskTree | undefined): Exchange[] {
  if (!root) return [];
  return [...(root.meta.scim?.exchanges ?? []), ...(root.tasks ?? []).flatMap((child) => runExchanges(child))];
}

/** The recorded exchanges that were answered 429. */
export function throttled(exchanges: Exchange[]): Exchange[] {
  return exchanges.filter((e) => e.response?.status === 429);
}

/**
 * What is wrong with a 429 answer, or undefined: it needs `Retry-After` as delta-seconds or an HTTP-date
 * (RFC 9110 §10.2.3, RFC 6585 §4). The body of the 429 is D-09's business, not throttling's (catalog §0.1).
 */
export function retryAfterProblem(exchange: Exchange): string | undefined {
  const response = exchange.response;
  if (!response || response.status !== 429) return undefined;
  const header = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  if (header === undefined) return 'without a Retry-After header';
  const trimmed = header.trim();
  if (!/^\d+$/.test(trimmed) && Number.isNaN(Date.parse(trimmed)))
    return `with Retry-After "${header}", which is neither seconds nor an HTTP date`;
  return undefined;
}
