import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpportunityContractPayloads, OpportunityContractType } from '@meridian/opportunities/contracts';
import {
  contractActivityKinds,
  contractClosedStages,
  contractOpenStages,
  contractValidatorOptions,
  opportunityContractTypes,
  opportunityContracts,
} from '@meridian/opportunities/contracts';
import type { OpportunityCommand } from './opportunity.commands';
import { opportunityDecider } from './opportunity.decider';
import type { OpportunityEvent } from './opportunity.events';
import { opportunityEventTypes } from './opportunity.events';
import { activityKinds, closedStages, openStages } from './opportunity.values';
import type { SameShape } from '@meridian/platform/eventsourcing/testing';
import { playCommands } from '@meridian/platform/eventsourcing/testing';

// Compile-time half: every domain event's data and its public payload have the same shape (SameShape).
type DataOf<TType extends OpportunityEvent['type']> = Extract<OpportunityEvent, { type: TType }>['data'];
type Conformance = { [TType in OpportunityEvent['type']]: SameShape<DataOf<TType>, OpportunityContractPayloads[TType]> };
const payloadsConform: Conformance = {
  OpportunityOpened: true,
  OpportunityStageChanged: true,
  OpportunityWon: true,
  OpportunityLost: true,
  OpportunityAmountRevised: true,
  OpportunityCloseDateRescheduled: true,
  OpportunityOwnerReassigned: true,
  ActivityLogged: true,
  OpportunityReopened: true,
  OpportunityArchived: true,
  OpportunityRestored: true,
};
const sameEventTypes: SameShape<OpportunityEvent['type'], OpportunityContractType> = true;

const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
addFormats(ajv);

const play = (commands: readonly OpportunityCommand[]): OpportunityEvent[] => playCommands(opportunityDecider, commands);

const opportunityId = '3f1d7c52-8a0e-4b5e-9a63-2f4d0c9e1b77';
const on = (day: number, time = '10:00:00.000Z'): string => `2026-04-${String(day).padStart(2, '0')}T${time}`;

/** A deal's life: worked, regressed, lost, revived, won, handed over, reopened, archived and restored. */
const lifeOfADeal: OpportunityCommand[] = [
  {
    type: 'OpenOpportunity',
    data: {
      opportunityId, customerId: 'cust-0042', name: 'Northwind fleet telematics', ownerId: 'rep-ana',
      amount: { amount: 48000.75, currency: 'EUR' }, expectedCloseDate: '2026-07-15', sourceChannel: 'trade-show',
      productLine: 'telematics', region: 'dach', openedAt: on(1),
    },
  },
  {
    type: 'LogOpportunityActivity',
    data: {
      opportunityId, activityId: 'act-1', kind: 'call', occurredAt: on(1, '15:30:00+02:00'), subject: 'Intro call',
      notes: 'Fleet of 120 vans', nextFollowUpOn: '2026-04-08', loggedAt: on(1, '14:00:00.000Z'),
    },
  },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'qualified', changedAt: on(3) } },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'negotiation', changedAt: on(9) } },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'proposal', changedAt: on(10) } },
  { type: 'ReviseOpportunityAmount', data: { opportunityId, amount: { amount: 45999.99, currency: 'EUR' }, revisedAt: on(11) } },
  { type: 'RescheduleOpportunityClose', data: { opportunityId, expectedCloseDate: '2026-08-31', rescheduledAt: on(11) } },
  { type: 'ReassignOpportunityOwner', data: { opportunityId, newOwnerId: 'rep-bo', reassignedAt: on(12) } },
  {
    type: 'LogOpportunityActivity',
    data: { opportunityId, activityId: 'act-2', kind: 'meeting', occurredAt: on(14), subject: 'Pricing', loggedAt: on(14) },
  },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'lost', lostReason: 'Went with incumbent', changedAt: on(20) } },
  { type: 'ReopenOpportunity', data: { opportunityId, reason: 'Incumbent failed pilot', reopenedAt: on(27) } },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'won', finalAmount: { amount: 44000.1, currency: 'EUR' }, changedAt: on(29) } },
  { type: 'ReassignOpportunityOwner', data: { opportunityId, newOwnerId: 'rep-cy', reassignedAt: on(30) } },
  {
    type: 'LogOpportunityActivity',
    data: { opportunityId, activityId: 'act-3', kind: 'note', occurredAt: on(30), subject: 'Kick-off booked', nextFollowUpOn: '2026-05-04', loggedAt: on(30) },
  },
  { type: 'LogOpportunityActivity', data: { opportunityId, activityId: 'act-3', kind: 'note', occurredAt: on(30), subject: 'retry', loggedAt: on(30) } },
  { type: 'ReopenOpportunity', data: { opportunityId, toStage: 'negotiation', reopenedAt: on(30, '16:00:00.000Z') } },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'won', changedAt: on(30, '17:00:00.000Z') } },
  { type: 'ArchiveOpportunity', data: { opportunityId, reason: 'Duplicate of the renewal deal', archivedAt: on(30, '18:00:00.000Z') } },
  { type: 'RestoreOpportunity', data: { opportunityId, restoredAt: on(30, '19:00:00.000Z') } },
];

describe('domain events conform to the public contracts', () => {
  const events = play(lifeOfADeal);

  it('agrees with the contracts on event types and value sets', () => {
    expect(Object.values(payloadsConform).every(Boolean) && sameEventTypes).toBe(true);
    expect([...opportunityEventTypes].sort()).toEqual([...opportunityContractTypes].sort());
    expect(openStages).toEqual(contractOpenStages);
    expect(closedStages).toEqual(contractClosedStages);
    expect(activityKinds).toEqual(contractActivityKinds);
  });

  it('produces every event type at least once, so every contract is exercised', () => {
    expect(events).toHaveLength(18);
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(opportunityContractTypes));
  });

  it('produces payloads that survive JSON unchanged and pass their v1 schema', () => {
    for (const event of events) {
      const onTheWire: unknown = JSON.parse(JSON.stringify(event.data));
      expect(onTheWire).toStrictEqual(event.data);
      const validate = ajv.getSchema(opportunityContracts[event.type].schema.$id) ?? ajv.compile(opportunityContracts[event.type].schema);
      const valid = validate(onTheWire);
      expect({ type: event.type, errors: validate.errors ?? null, valid }).toEqual({ type: event.type, errors: null, valid: true });
    }
  });
});
