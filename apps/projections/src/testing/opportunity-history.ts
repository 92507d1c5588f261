import type { ConsumedEvent } from '@meridian/platform/kafka';
import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { OpportunityCommand, OpportunityEvent, OpportunityState } from '@meridian/opportunities/domain';
import { opportunityDecider, opportunityStreamId } from '@meridian/opportunities/domain';
import { opportunityContracts } from '@meridian/opportunities/contracts';

/** What the write side ends with after a run of commands: the aggregate's state and the stream it appended. */
export type OpportunityHistory = Readonly<{ state: OpportunityState; events: readonly OpportunityEvent[]; refused: number }>;

/**
 * The command handler's decide/evolve loop without the store: each command is
 * decided on the state so far, and a refused one (a 409 to the client) leaves
 * the stream as it was, as it would in production.
 */
export const playAccepted = (commands: readonly OpportunityCommand[]): OpportunityHistory => {
  let state = opportunityDecider.initialState;
  const events: OpportunityEvent[] = [];
  let refused = 0;
  for (const command of commands) {
    let decided: readonly OpportunityEvent[];
    try {
      decided = opportunityDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof BusinessRuleViolation)) throw error;
      refused += 1;
      continue;
    }
    state = decided.reduce(opportunityDecider.evolve, state);
    events.push(...decided);
  }
  return { state, events, refused };
};

/**
 * One deal's stream as a consumer receives it from the relay: the public
 * CloudEvents type, the payload after a JSON round trip, revisions from 0, and
 * global positions from `firstPosition` on.
 */
export const consumedStream = (
  opportunityId: string,
  events: readonly OpportunityEvent[],
  firstPosition: number,
  tenantId = 'tenant-a',
): ConsumedEvent[] =>
  events.map((event, revision) => ({
    eventId: `e-${opportunityId}-${revision}`,
    type: opportunityContracts[event.type].ceType,
    schemaVersion: 1,
    streamId: opportunityStreamId(opportunityId),
    streamRevision: revision,
    globalPosition: firstPosition + revision,
    tenantId,
    occurredAt: '2026-01-01T00:00:00.000Z',
    correlationId: `corr-${opportunityId}`,
    causationId: `cmd-${opportunityId}-${revision}`,
    payload: JSON.parse(JSON.stringify(event.data)) as unknown,
    partition: 0,
    offset: String(firstPosition + revision),
  }));
