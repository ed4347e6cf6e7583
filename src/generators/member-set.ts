/**
 * Member sets for group PATCHes: which of a pool of users to add or remove, as index sets so that the values do not
 * depend on ids the target assigns (the same seed gives the same sets on every target), and shrinking drops members
 * one at a time.
 */
import fc from 'fast-check';

export interface MemberSetConstraints {
  /** Size of the pool of users to choose from. */
  poolSize: number;
  /** Fewest members. @defaultValue 1 */
  minSize?: number;
  /** Most members. @defaultValue poolSize */
  maxSize?: number;
}

/** Sorted, distinct indexes into the pool. */
export function memberSet(constraints: MemberSetConstraints): fc.Arbitrary<number[]> {
  const { poolSize } = constraints;
  if (poolSize < 1) throw new Error('Failed to build member sets: poolSize must be at least 1.');
  const indexes = Array.from({ length: poolSize }, (_, i) => i);
  return fc.subarray(indexes, {
    minLength: constraints.minSize ?? 1,
    maxLength: Math.min(constraints.maxSize ?? poolSize, poolSize),
  });
}

/** A set and one of its elements: "remove this one, the rest must stay" (catalog G-10). */
export function memberSetWithOne(
  constraints: MemberSetConstraints,
): fc.Arbitrary<{ members: number[]; removed: number }> {
  if (constraints.poolSize < 2)
    throw new Error('Failed to build member sets: removing one of several needs poolSize of at least 2.');
  // tuple + map (not chain) so that both parts shrink independently.
  return fc
    .tuple(memberSet({ ...constraints, minSize: Math.max(2, constraints.minSize ?? 2) }), fc.nat())
    .map(([members, pick]) => ({ members, removed: members[pick % members.length]! }));
}
