/**
 * Run-wide circuit breaker. A target that stops answering would otherwise cost every remaining request a full
 * --timeout (tests × requests × timeout). The breaker counts consecutive requests that got no usable answer,
 * per kind (timeouts, resets, … and requests that gave up after their 429 retries); when `threshold` of the
 * same kind follow each other, it opens and stays open for the rest of the run: every later request throws at
 * once without being sent. Any complete response in between resets the count. One breaker is shared by every
 * client of the run's worker thread (ScimClient.withRecorder passes it on), so a dead target costs at most
 * `threshold` requests (plus those already in flight).
 */
import type { TransportErrorCode } from '../model/exchange.js';

export type BreakerKind = Exclude<TransportErrorCode, 'aborted' | 'not-sent'> | 'throttled';

export const DEFAULT_BREAKER_THRESHOLD = 3;

const DESCRIBE: Record<BreakerKind, [singular: string, plural: string]> = {
  timeout: ['timeout', 'timeouts'],
  'connection-refused': ['refused connection', 'refused connections'],
  'connection-reset': ['connection reset', 'connection resets'],
  dns: ['DNS failure', 'DNS failures'],
  tls: ['TLS failure', 'TLS failures'],
  network: ['network error', 'network errors'],
  throttled: ['request', 'requests'],
};

export class Breaker {
  private streak = 0;
  private kind: BreakerKind | undefined;
  private reason: string | undefined;

  constructor(readonly threshold = DEFAULT_BREAKER_THRESHOLD) {
    if (!Number.isInteger(threshold) || threshold < 1)
      throw new RangeError(`breaker threshold must be a positive integer, got ${threshold}`);
  }

  /** Why the breaker is open (one line), or undefined while requests may still be sent. */
  get openReason(): string | undefined {
    return this.reason;
  }

  /** A complete response came back: the target answers, start counting again. */
  success(): void {
    if (this.reason) return;
    this.streak = 0;
    this.kind = undefined;
  }

  /** A request got no usable answer. Returns true when this failure opened the breaker. */
  failure(kind: BreakerKind): boolean {
    if (this.reason) return false;
    this.streak = this.kind === kind ? this.streak + 1 : 1;
    this.kind = kind;
    if (this.streak < this.threshold) return false;
    const [one, many] = DESCRIBE[kind];
    const counted = `${this.streak} ${this.streak === 1 ? one : many} in a row`;
    this.reason =
      kind === 'throttled'
        ? `the target kept answering 429 Too Many Requests (${counted} gave up after their retries)`
        : `the target stopped answering (${counted})`;
    return true;
  }
}
