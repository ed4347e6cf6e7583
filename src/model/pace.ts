/** The run-wide limiter's counters (src/client/limiter.ts), carried in each test's meta and summed into the result. */
export interface PaceStats {
  /** Requests that started (429 retries and cleanup included). */
  sent: number;
  /** 429 answers met. */
  throttled: number;
  /** Epoch ms of the first request start and of the last response, 0 before any. */
  firstAt: number;
  lastAt: number;
  /** The pace in requests per second at the end (undefined: unpaced). */
  rate?: number;
}
