import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import { foldEvents } from '@meridian/platform/eventsourcing';
import type { OpportunityCommand } from './opportunity.commands';
import type { OpportunityArchived, OpportunityEvent, OpportunityRestored } from './opportunity.events';
import { opportunityDecider } from './opportunity.decider';
import { OpportunityRuleCodes as Codes } from './opportunity.rules';
import type { Stage } from './opportunity.values';
import { activityLogged, lost, movedUpTo, openOpportunity, opened, opportunityId, stageChanged, won } from './testing/opportunity.fixtures';

const spec = DeciderSpecification.for(opportunityDecider);
const archivedAt = '2026-06-03T09:00:00.000Z';
const restoredAt = '2026-06-04T09:00:00.000Z';
const archive = (reason?: string): OpportunityCommand => ({
  type: 'ArchiveOpportunity',
  data: { opportunityId, ...(reason === undefined ? {} : { reason }), archivedAt },
});
const restore: OpportunityCommand = { type: 'RestoreOpportunity', data: { opportunityId, restoredAt } };
const archived = (stage: Stage, reason?: string): OpportunityArchived => ({
  type: 'OpportunityArchived',
  data: { opportunityId, stage, ...(reason === undefined ? {} : { reason }), archivedAt },
});
const restored = (stage: Stage): OpportunityRestored => ({ type: 'OpportunityRestored', data: { opportunityId, stage, restoredAt } });

/** Every command but archive and restore, each valid on an open deal at proposal (so only the archive can refuse it). */
const otherCommands: readonly OpportunityCommand[] = [
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'negotiation', changedAt: archivedAt } },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'won', changedAt: archivedAt } },
  { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'lost', lostReason: 'No budget', changedAt: archivedAt } },
  { type: 'ReviseOpportunityAmount', data: { opportunityId, amount: { amount: 1, currency: 'EUR' }, revisedAt: archivedAt } },
  { type: 'RescheduleOpportunityClose', data: { opportunityId, expectedCloseDate: '2027-01-31', rescheduledAt: archivedAt } },
  { type: 'ReassignOpportunityOwner', data: { opportunityId, newOwnerId: 'rep-bo', reassignedAt: archivedAt } },
  {
    type: 'LogOpportunityActivity',
    data: { opportunityId, activityId: 'act-9', kind: 'note', occurredAt: archivedAt, subject: 'Still there?', loggedAt: archivedAt },
  },
];

describe('ArchiveOpportunity', () => {
  it.each([
    ['lead', [opened]],
    ['negotiation', [opened, ...movedUpTo('negotiation')]],
    ['won', [opened, ...movedUpTo('proposal'), won('proposal')]],
    ['lost', [opened, lost('lead')]],
  ] as const)('archives a deal in %s, recording that stage', (stage, history) => {
    spec.given([...history]).when(archive()).then([archived(stage)]);
  });

  it('keeps a trimmed reason and drops a blank one', () => {
    spec.given([opened]).when(archive('  Duplicate of opp-1 ')).then([archived('lead', 'Duplicate of opp-1')]);
    spec.given([opened]).when(archive(' \t ')).then([archived('lead')]);
  });

  it('refuses to archive an archived deal: 409 already-archived, not a silent success', () => {
    spec.given([opened, archived('lead')]).when(archive()).thenRejects(Codes.alreadyArchived);
  });

  it('refuses to archive a deal that does not exist', () => {
    expect(() => opportunityDecider.decide(archive(), opportunityDecider.initialState)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

describe('an archived deal', () => {
  const atProposal: OpportunityEvent[] = [opened, stageChanged('lead', 'proposal')];

  it.each(otherCommands.map((command) => [`${command.type} ${JSON.stringify(command.data).slice(0, 60)}`, command]))(
    'refuses %s with opportunity-archived, and accepts it once restored',
    (_name, command) => {
      expect(opportunityDecider.decide(command, foldEvents(opportunityDecider, atProposal))).toHaveLength(1);
      spec.given([...atProposal, archived('proposal')]).when(command).thenRejects(Codes.archived);
      expect(opportunityDecider.decide(command, foldEvents(opportunityDecider, [...atProposal, archived('proposal'), restored('proposal')]))).toHaveLength(1);
    },
  );

  it('refuses a reopen of an archived closed deal, and a repeated activity, with opportunity-archived too', () => {
    spec.given([opened, lost('lead'), archived('lost')]).when({ type: 'ReopenOpportunity', data: { opportunityId, reopenedAt: restoredAt } })
      .thenRejects(Codes.archived);
    spec.given([opened, activityLogged('act-1'), archived('lead')]).when({ type: 'LogOpportunityActivity', data: { ...activityLogged('act-1').data } })
      .thenRejects(Codes.archived);
  });

  it('still refuses a second open with opportunity-already-exists', () => {
    spec.given([opened, archived('lead')]).when(openOpportunity).thenRejects(Codes.alreadyExists);
  });
});

describe('RestoreOpportunity', () => {
  it('restores an archived deal in the stage it was archived in', () => {
    spec.given([opened, ...movedUpTo('proposal'), won('proposal'), archived('won')]).when(restore).then([restored('won')]);
  });

  it('refuses a deal that is not archived, or no longer: 409 not-archived', () => {
    spec.given([opened]).when(restore).thenRejects(Codes.notArchived);
    spec.given([opened, archived('lead'), restored('lead')]).when(restore).thenRejects(Codes.notArchived);
  });

  it('can archive again after a restore', () => {
    spec.given([opened, archived('lead'), restored('lead')]).when(archive()).then([archived('lead')]);
  });
});

describe('evolve with archive and restore', () => {
  const fold = (events: readonly OpportunityEvent[]) => foldEvents(opportunityDecider, events);

  it('marks the deal archived, keeping every other field, and a restore gives back exactly the deal before the archive', () => {
    const before = fold([opened, stageChanged('lead', 'qualified'), activityLogged('act-1')]);
    const whileArchived = fold([opened, stageChanged('lead', 'qualified'), activityLogged('act-1'), archived('qualified', 'Duplicate')]);
    expect(whileArchived).toStrictEqual({ ...before, archivedAt, archiveReason: 'Duplicate' });
    expect(fold([opened, stageChanged('lead', 'qualified'), activityLogged('act-1'), archived('qualified', 'Duplicate'), restored('qualified')]))
      .toStrictEqual(before);
  });

  it('keeps no reason when none was given', () => {
    expect(fold([opened, archived('lead')])).toStrictEqual({ ...fold([opened]), archivedAt });
  });
});
