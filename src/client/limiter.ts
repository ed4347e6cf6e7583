/**
 * Bounds how many requests are in flight at once, paces them, and lets a 429 slow the whole run down.
 *
 * - Concurrency: at most `max` requests in flight.
 * - Pace (`--rate N`): request starts are spaced 1/N s apart, run-wide (retries and cleanup go through the same
 *   limiter), so a tenant's rate limit is met smoothly instead of in bursts.
 * - 429 (catalog D-14): every request that starts before the Retry-After moment waits (run-wide pause), and the
 *   pace drops to what the target actually let through. A token-bucket tenant is empty each time it answers 429,
 *   so the responses it accepted between two 429 episodes, divided by the time between them, is its sustained
 *   rate; the run paces itself a little below that, then creeps back up (+0.5 % a second) while no 429 comes,
 *   so a limit that was raised, or a burst allowance, is not wasted for the rest of the run. With --rate the pace
 *   never goes above N. decisions/rate-limit.md explains the choice (AIMD-like, no library fits a shared client).
 */
import type { PaceStats } from '../model/pace.js';

export type { PaceStats };

/** Below the estimated sustained rate by this factor after a 429 episode. */
const BACKOFF = 0.9;
/** Growth of the pace per second without a 429. */
const CREEP_PER_SECOND = 0.005;
/** 429s closer together than this belong to one episode (requests in flight hit the same empty bucket). */
const EPISODE_MS = 1000;

export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;
  private nextAt = 0;
  private pace: number | undefined;
  private pacedSince = 0;
  private episodeAt = 0;
  private acceptedSinceEpisode = 0;
  private readonly stats: PaceStats = { sent: 0, throttled: 0, firstAt: 0, lastAt: 0 };
  /** Highest number of requests seen in flight at once (for tests and benchmarks). */
  peak = 0;

  /** `rate`: most request starts per second (--rate); undefined lets the run go as fast as the target allows. */
  constructor(
    readonly max: number,
    readonly rate?: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
    if (rate !== undefined && !(Number.isFinite(rate) && rate > 0))
      throw new RangeError(`rate must be a positive number, got ${rate}`);
    this.pace = rate;
  }

  /** Waits for a free slot, any run-wide pause and the pace; returns the function that frees the slot. */
  async acquire(): Promise<() => void> {
    // A freed slot is handed straight to the first waiter (active stays as it is), so that no request that comes
    // in between can take it too.
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    this.peak = Math.max(this.peak, this.active);
    // No pace (no --rate, no 429 met yet) and no pause: nothing to wait for, nor to compute (the common case).
    if (this.pace !== undefined || this.pausedUntil > 0) await this.paced();
    this.stats.sent++;
    if (!this.stats.firstAt) this.stats.firstAt = Date.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  /**
   * Waits for any run-wide pause and the pace. The next start is taken when a request actually starts, not reserved
   * before it sleeps: requests that all woke late (a busy or starved thread) would otherwise start together, as
   * many as had reserved, and a tenant's 1-second window would see a burst. Waiters that lose the race sleep again.
   */
  private async paced(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const pace = this.currentPace(now);
      const start = Math.max(this.pausedUntil, pace ? this.nextAt : 0);
      if (start <= now) {
        if (pace) this.nextAt = now + 1000 / pace;
        return;
      }
      await sleep(start - now);
    }
  }

  /** Every request that starts before `until` (epoch ms) waits until then. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** A response came back: 429 slows the pace down (once per episode); any other status counts as let through. */
  answered(status: number, now = Date.now()): void {
    this.stats.lastAt = now;
    if (status !== 429) {
      this.acceptedSinceEpisode++;
      return;
    }
    this.stats.throttled++;
    if (now - this.episodeAt < EPISODE_MS) return;
    const since = this.episodeAt || this.stats.firstAt || now;
    const elapsed = Math.max(now - since, 1);
    const sustained = (this.acceptedSinceEpisode * 1000) / elapsed;
    const current = this.currentPace(now);
    const next = Math.max(1, Math.min(current ?? Infinity, sustained) * BACKOFF);
    this.pace = this.rate === undefined ? next : Math.min(this.rate, next);
    this.pacedSince = now;
    this.episodeAt = now;
    this.acceptedSinceEpisode = 0;
  }

  /** What the run met so far. */
  snapshot(): PaceStats {
    const pace = this.currentPace(Date.now());
    return { ...this.stats, ...(pace ? { rate: Math.round(pace * 10) / 10 } : {}) };
  }

  /** The pace now: after a 429 it grows back slowly, never above --rate. */
  private currentPace(now: number): number | undefined {
    if (this.pace === undefined) return undefined;
    if (this.episodeAt === 0) return this.pace;
    const grown = this.pace * (1 + CREEP_PER_SECOND) ** ((now - this.pacedSince) / 1000);
    return this.rate === undefined ? grown : Math.min(this.rate, grown);
  }
}

/** Requests per second over a run: requests ÷ (last response − first start), 0 when nothing was sent. */
export function effectiveRate(stats: Pick<PaceStats, 'sent' | 'firstAt' | 'lastAt'>): number {
  const seconds = (stats.lastAt - stats.firstAt) / 1000;
  return stats.sent > 0 && seconds > 0 ? Math.round((stats.sent / seconds) * 10) / 10 : 0;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
