import { describe, expect, it } from 'vitest';
import { effectiveRate, Limiter } from '../../../src/client/limiter.js';

async function starts(limiter: Limiter, n: number): Promise<number[]> {
  const at: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const release = await limiter.acquire();
      at.push(Date.now());
      release();
    }),
  );
  return at.sort((a, b) => a - b);
}

describe('Limiter pace', () => {
  it('--rate spaces request starts evenly, whatever the concurrency', async () => {
    const at = await starts(new Limiter(8, 50), 11);
    // 11 starts at 50/s: 10 gaps of 20 ms.
    expect(at[10]! - at[0]!).toBeGreaterThanOrEqual(190);
    // Smooth, not a burst then a wait: the first half of the starts spans about half the time.
    expect(at[5]! - at[0]!).toBeGreaterThanOrEqual(90);
  });

  it('without --rate and without 429 it does not pace', async () => {
    const limiter = new Limiter(8);
    const at = await starts(limiter, 20);
    expect(at[19]! - at[0]!).toBeLessThan(150);
    expect(limiter.snapshot().rate).toBeUndefined();
  });

  it('a 429 sets the pace below what the target let through since the last 429 episode, and counts it', () => {
    const limiter = new Limiter(4);
    const t0 = Date.now();
    (limiter as unknown as { stats: { firstAt: number } }).stats.firstAt = t0;
    for (let i = 0; i < 40; i++) limiter.answered(201, t0 + i * 10);
    limiter.answered(429, t0 + 1000);
    // 40 accepted in 1 s, 10 % below: 36/s.
    expect(limiter.snapshot().throttled).toBe(1);
    expect(limiter.snapshot().rate).toBeGreaterThan(30);
    expect(limiter.snapshot().rate).toBeLessThanOrEqual(36.5);
    // Other requests in flight hit the same empty bucket: one episode, one slow-down.
    limiter.answered(429, t0 + 1010);
    expect(limiter.snapshot().throttled).toBe(2);
    expect(limiter.snapshot().rate).toBeGreaterThan(30);
  });

  it('a 429 never raises the pace above --rate, and a later episode lowers it further', () => {
    const limiter = new Limiter(4, 20);
    const t0 = Date.now() - 5000;
    for (let i = 0; i < 100; i++) limiter.answered(200, t0 + i);
    limiter.answered(429, t0 + 1000);
    expect(limiter.snapshot().rate).toBeLessThanOrEqual(20);
    for (let i = 0; i < 10; i++) limiter.answered(200, t0 + 1100 + i);
    limiter.answered(429, t0 + 3000);
    // 10 accepted over 2 s: 5/s, 10 % below.
    expect(limiter.snapshot().rate).toBeLessThan(5);
  });

  it('effective rate is requests over the seconds from first start to last answer', () => {
    expect(effectiveRate({ sent: 100, firstAt: 1000, lastAt: 5000 })).toBe(25);
    expect(effectiveRate({ sent: 0, firstAt: 0, lastAt: 0 })).toBe(0);
  });
});
