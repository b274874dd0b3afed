/**
 * `true` when A and B have the same keys and each is assignable to the other. Plain
 * assignability lets an optional field missing from one side pass (how `quoteLines` once went
 * undocumented); comparing keys as well does not.
 */
export type SameShape<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never]
  ? [A] extends [B]
    ? [B] extends [A]
      ? true
      : false
    : false
  : false;
