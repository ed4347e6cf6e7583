/**
 * Contract assertions every generator must satisfy (after fast-check's ArbitraryAssertions): the same seed gives the
 * same values, and every value satisfies the generator's promise.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export function assertSameValuesGivenSameSeed<T>(arbitrary: () => fc.Arbitrary<T>, seed = 42): void {
  const first = fc.sample(arbitrary(), { seed, numRuns: 50 });
  const second = fc.sample(arbitrary(), { seed, numRuns: 50 });
  expect(second).toEqual(first);
}

export function assertEveryValue<T>(
  arbitrary: fc.Arbitrary<T>,
  isCorrect: (value: T) => boolean | void,
  numRuns = 200,
): void {
  fc.assert(
    fc.property(arbitrary, (value) => isCorrect(value) !== false),
    { numRuns, seed: 7 },
  );
}
