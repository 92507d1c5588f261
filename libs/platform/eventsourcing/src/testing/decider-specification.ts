import type { Decider, DomainEvent } from '../decider';
import { foldEvents } from '../decider';
import { BusinessRuleViolation } from '../rule-violation';

type Outcome<TEvent> = { kind: 'events'; events: readonly TEvent[] } | { kind: 'error'; error: unknown };

/**
 * given(history).when(command).then(expected events) | .thenRejects(code).
 * Reads like the rule it tests, and fails loudly when the decider throws
 * something other than a business-rule violation.
 */
export const DeciderSpecification = {
  for<TCommand, TEvent extends DomainEvent, TState>(decider: Decider<TCommand, TEvent, TState>) {
    return {
      given(history: readonly TEvent[]) {
        return {
          when(command: TCommand) {
            const outcome = run(decider, history, command);
            return {
              then(expected: readonly TEvent[]): void {
                if (outcome.kind === 'error') throw outcome.error;
                expect(outcome.events).toEqual(expected);
              },
              thenNothingHappens(): void {
                if (outcome.kind === 'error') throw outcome.error;
                expect(outcome.events).toEqual([]);
              },
              thenRejects(code: string): void {
                if (outcome.kind === 'events') {
                  throw new Error(`Expected rejection "${code}", got events ${JSON.stringify(outcome.events)}`);
                }
                expect(outcome.error).toBeInstanceOf(BusinessRuleViolation);
                expect((outcome.error as BusinessRuleViolation).code).toBe(code);
              },
            };
          },
        };
      },
    };
  },
};

const run = <TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  history: readonly TEvent[],
  command: TCommand,
): Outcome<TEvent> => {
  try {
    return { kind: 'events', events: decider.decide(command, foldEvents(decider, history)) };
  } catch (error) {
    return { kind: 'error', error };
  }
};
