import type { Decider, DomainEvent } from '../decider';

// Helpers for a context's contract-conformance spec: its domain events and its
// public payloads must stay the same shape, checked by the compiler, and what
// the decider really produces must validate against the published schemas.

type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameKeys<A, B> = [A] extends [object]
  ? MutuallyAssignable<keyof A, keyof B> extends true
    ? false extends { [K in keyof A]-?: SameShape<A[K], B[K & keyof B]> }[keyof A] ? false : true
    : false
  : true;

/**
 * `true` when A and B are assignable both ways and have the same keys at
 * every depth, so a field added (even an optional one), dropped or retyped on
 * either side makes a `const x: SameShape<…> = true` fail to compile.
 */
export type SameShape<A, B> = MutuallyAssignable<A, B> extends true ? SameKeys<A, B> : false;

/** Runs commands the way the command handler does: fold, decide, apply what was decided; returns every event produced. */
export const playCommands = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: readonly C[]): E[] => {
  let state = decider.initialState;
  const produced: E[] = [];
  for (const command of commands) {
    const events = decider.decide(command, state);
    state = events.reduce(decider.evolve, state);
    produced.push(...events);
  }
  return produced;
};
