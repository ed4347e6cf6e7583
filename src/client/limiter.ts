/**
 * Bounds how many requests are in flight at once, and lets a 429 slow the whole run down: when any request
 * is told to wait (Retry-After), every later request waits too (catalog D-14).
 */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;
  /** Highest number of requests seen in flight at once (for tests and benchmarks). */
  peak = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
  }

  /** Waits for a free slot and any run-wide pause; returns the function that frees the slot. */
  async acquire(): Promise<() => void> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    const pause = this.pausedUntil - Date.now();
    if (pause > 0) await sleep(pause);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }

  /** Every request that starts before `until` (epoch ms) waits until then. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
