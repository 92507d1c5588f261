/**
 * A decider is the whole write-side behaviour of one aggregate as three pure
 * values: no I/O, no clock, no randomness. Time and ids arrive in the command.
 */
export type DomainEvent<TType extends string = string, TData = unknown> = Readonly<{
  type: TType;
  data: TData;
}>;

export type Decider<TCommand, TEvent extends DomainEvent, TState> = Readonly<{
  decide: (command: TCommand, state: TState) => readonly TEvent[];
  evolve: (state: TState, event: TEvent) => TState;
  initialState: TState;
}>;

export const foldEvents = <TEvent extends DomainEvent, TState>(
  decider: Pick<Decider<unknown, TEvent, TState>, 'evolve' | 'initialState'>,
  events: readonly TEvent[],
): TState => events.reduce(decider.evolve, decider.initialState);
