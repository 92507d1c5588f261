/**
 * Aggregates (funnel buckets, totals) are counters that many streams feed.
 * A delta names the counter, the keys it is queried by, and what to add.
 * Increments are integers (money in minor units) so sums stay exact.
 */
export type CounterDelta = Readonly<{
  /** Stable id of the aggregate, without the delivery lane (the store adds it). */
  counterId: string;
  /** Fields the aggregate is queried by, stored on the counter document. */
  keys: Readonly<Record<string, string>>;
  /** Flat field path → integer to add, as MongoDB's `$inc` takes it. */
  increments: Readonly<Record<string, number>>;
}>;

/** Flat field path → integer: a counter document's figures, or several summed. */
export type CounterFigures = Readonly<Record<string, number>>;

/** Adds counter documents' figures field by field (queries sum the per-lane documents of a bucket). */
export const sumCounterFigures = (figures: readonly CounterFigures[]): CounterFigures => {
  const total: Record<string, number> = {};
  for (const one of figures) {
    for (const [field, value] of Object.entries(one)) total[field] = (total[field] ?? 0) + value;
  }
  return total;
};

/**
 * One delta per counter: the lane guard admits one write per counter and
 * sequence, so two deltas for the same counter from one change (a move out
 * of and back into a bucket) must be added together, never written twice.
 */
export const mergeCounterDeltas = (deltas: readonly CounterDelta[]): CounterDelta[] => {
  const merged = new Map<string, { keys: CounterDelta['keys']; increments: Record<string, number> }>();
  for (const delta of deltas) {
    const into = merged.get(delta.counterId) ?? { keys: delta.keys, increments: {} };
    for (const [field, value] of Object.entries(delta.increments)) into.increments[field] = (into.increments[field] ?? 0) + value;
    merged.set(delta.counterId, into);
  }
  return [...merged].map(([counterId, { keys, increments }]) => ({ counterId, keys, increments }));
};
