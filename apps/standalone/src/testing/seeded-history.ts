import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@meridian/platform/eventsourcing';
import type { OpportunityCommand, OpportunityEvent, OpportunityState } from '@meridian/opportunities/domain';
import { opportunityDecider, opportunityStreamId } from '@meridian/opportunities/domain';

export type SeededHistory = Readonly<{ events: number; lastPosition: number }>;

/** Deal `n` of a seeded history belongs to tenant `n mod tenants` and ends won, lost or open by `n mod 3`. */
export const seededOutcomeOf = (n: number): 'won' | 'lost' | 'open' => (['won', 'lost', 'open'] as const)[n % 3];

const stagesTo = { won: ['qualified', 'proposal', 'negotiation', 'won'], lost: ['qualified', 'lost'], open: ['qualified', 'proposal'] } as const;

/**
 * A deal's commands: opened, activities logged, walked to its outcome. Ten
 * events in all, whatever the outcome, so `opportunities × 10` events.
 */
const commandsOf = (opportunityId: string, n: number): OpportunityCommand[] => {
  const outcome = seededOutcomeOf(n);
  const at = (minute: number) => new Date(Date.UTC(2026, n % 12, 1 + (n % 27), 9, minute)).toISOString();
  const steps = stagesTo[outcome];
  const open: OpportunityCommand = {
    type: 'OpenOpportunity',
    data: {
      opportunityId, customerId: `cus-${n % 500}`, name: `Seeded deal ${n}`, ownerId: `rep-${n % 7}`, amount: { amount: 1_000 + (n % 50) * 100, currency: 'EUR' },
      expectedCloseDate: '2027-03-31', sourceChannel: 'web', productLine: 'crm-suite', region: 'emea', openedAt: at(0),
    },
  };
  const activities = Array.from({ length: 9 - steps.length }, (_, index): OpportunityCommand => ({
    type: 'LogOpportunityActivity',
    data: { opportunityId, activityId: `${opportunityId}-a${index}`, kind: 'call', occurredAt: at(1 + index), subject: `Call ${index + 1}`, loggedAt: at(1 + index) },
  }));
  const moves = steps.map((toStage, index): OpportunityCommand => ({
    type: 'ChangeOpportunityStage',
    data: { opportunityId, toStage, changedAt: at(20 + index), ...(toStage === 'lost' ? { lostReason: 'Chose a competitor' } : {}) },
  }));
  return [open, ...activities, ...moves];
};

/** What the command handler would append for these commands, folded with the real decider. */
const eventsOf = (commands: readonly OpportunityCommand[], tenantId: string): NewEvent[] => {
  let state: OpportunityState = opportunityDecider.initialState;
  const events: OpportunityEvent[] = [];
  for (const command of commands) {
    for (const event of opportunityDecider.decide(command, state)) {
      events.push(event);
      state = opportunityDecider.evolve(state, event);
    }
  }
  const correlationId = randomUUID();
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { tenantId, actorId: 'rep-seed', correlationId, causationId: correlationId, schemaVersion: 1, occurredAt: new Date().toISOString() },
  }));
};

/**
 * Appends deals `from` … `to - 1` (ten events each) straight into an event
 * store, a stream per append, for specs that need a large store quickly (the
 * HTTP API would take minutes for 200,000 events). The events are the
 * decider's own.
 */
export const seedOpportunityHistory = async (store: EventStore, range: Readonly<{ from: number; to: number }>, tenants: readonly string[]): Promise<SeededHistory> => {
  let events = 0;
  let lastPosition = 0;
  for (let n = range.from; n < range.to; n++) {
    const opportunityId = randomUUID();
    const batch = eventsOf(commandsOf(opportunityId, n), tenants[n % tenants.length]);
    lastPosition = (await store.appendToStream(opportunityStreamId(opportunityId), batch, 'no_stream')).lastPosition;
    events += batch.length;
  }
  return { events, lastPosition };
};
