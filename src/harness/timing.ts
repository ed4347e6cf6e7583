/**
 * Response times (catalog D-23): Entra waits 60 s for an answer and logs a slower one as a timeout; answers slower
 * than a few seconds are reported well below that limit. Judged once per run over every recorded exchange
 * (runExchanges), by suites/timing.test.ts, which runs after every other suite (src/runner/suites.ts RUN_LAST).
 */
import type { Exchange } from '../model/exchange.js';

/** How long Entra waits for an answer: Microsoft Q&A 1151866 ("provide responses within 60 seconds"). */
export const ENTRA_WAIT_MS = 60_000;
/** Slower answers than this are a RECOMMENDED warning: at this pace, load or a big tenant brings Entra's limit close. */
export const SLOW_ANSWER_MS = 5_000;

/**
 * The two limits. The project's own tests lower them through SCIMC_SLOW_ANSWER_MS and SCIMC_ENTRA_WAIT_MS (hidden
 * knobs, decisions/entra-headers.md) so that a fault server can be slow in milliseconds instead of minutes.
 */
export function responseTimeLimits(env: Record<string, string | undefined> = process.env): {
  slowMs: number;
  entraWaitMs: number;
} {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    slowMs: read('SCIMC_SLOW_ANSWER_MS', SLOW_ANSWER_MS),
    entraWaitMs: read('SCIMC_ENTRA_WAIT_MS', ENTRA_WAIT_MS),
  };
}

/** Exchanges answered, but more slowly than `slowMs`, slowest first. */
export function slowAnswers(exchanges: Exchange[], slowMs: number): Exchange[] {
  return exchanges.filter((e) => e.response && e.durationMs > slowMs).sort((a, b) => b.durationMs - a.durationMs);
}

/** Exchanges that got no complete answer within the client's --timeout. */
export function timedOut(exchanges: Exchange[]): Exchange[] {
  return exchanges.filter((e) => e.error?.code === 'timeout');
}

/** "POST /scim/v2/Users → 201 after 20.3 s" (or "… → no answer after 60.0 s"). */
export function timedRequest(exchange: Exchange): string {
  let path = exchange.request.url;
  try {
    const url = new URL(path);
    path = `${url.pathname}${url.search}`;
  } catch {
    /* keep the URL as recorded */
  }
  const answer = exchange.response ? String(exchange.response.status) : 'no answer';
  return `${exchange.request.method} ${path} → ${answer} after ${(exchange.durationMs / 1000).toFixed(1)} s`;
}
