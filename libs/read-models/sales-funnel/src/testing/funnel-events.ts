import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { CounterFigures } from '@meridian/platform/projections';
import { stepOf, sumCounterFigures } from '@meridian/platform/projections';
import type {
  ContractClosedStage,
  ContractMoney,
  ContractOpenStage,
  OpportunityContractPayloads,
  OpportunityContractType,
} from '@meridian/opportunities/contracts';
import { contractOpenStages, opportunityContracts } from '@meridian/opportunities/contracts';
import type { FunnelEntry } from '../sales-funnel.model';
import { salesFunnelProjection } from '../sales-funnel.projection';

export const at = '2026-03-01T09:00:00.000Z';

/** The instant `seconds` after `at` (negative: before it). */
export const after = (seconds: number): string => new Date(Date.parse(at) + seconds * 1000).toISOString();

export type OpenedOverrides = Partial<OpportunityContractPayloads['OpportunityOpened']>;

/**
 * The consumed events of one deal's stream, as the decoder would yield them,
 * with revisions 0, 1, 2… in the order they are built (and positions 100 + revision).
 */
export const dealStream = (opportunityId = 'o1', tenantId = 'tenant-a') => {
  const streamId = `opportunity-${opportunityId}`;
  let revision = -1;
  const next = <T extends OpportunityContractType>(type: T, payload: Omit<OpportunityContractPayloads[T], 'opportunityId'>): ConsumedEvent => {
    revision += 1;
    return {
      eventId: `e-${streamId}-${revision}`, type: opportunityContracts[type].ceType, schemaVersion: 1, streamId,
      streamRevision: revision, globalPosition: 100 + revision, tenantId, occurredAt: at, correlationId: 'corr', causationId: 'cause',
      payload: { opportunityId, ...payload }, partition: 0, offset: String(revision),
    };
  };
  const rank = (stage: ContractOpenStage): number => contractOpenStages.indexOf(stage);
  return {
    streamId,
    opened: (overrides: OpenedOverrides = {}) => next('OpportunityOpened', {
      customerId: 'cust-acme', name: `Deal ${opportunityId}`, ownerId: 'rep-ana', amount: { amount: 1000, currency: 'EUR' },
      expectedCloseDate: '2026-06-30', sourceChannel: 'webinar', productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
      ...overrides,
    }),
    moved: (fromStage: ContractOpenStage, toStage: ContractOpenStage, changedAt: string) =>
      next('OpportunityStageChanged', { fromStage, toStage, direction: rank(toStage) > rank(fromStage) ? 'forward' : 'backward', changedAt }),
    won: (fromStage: ContractOpenStage, finalAmount: ContractMoney, wonAt: string) => next('OpportunityWon', { fromStage, finalAmount, wonAt }),
    lost: (fromStage: ContractOpenStage, lostAt: string) => next('OpportunityLost', { fromStage, reason: 'no budget', lostAt }),
    reopened: (previousOutcome: ContractClosedStage, toStage: ContractOpenStage, reopenedAt: string) =>
      next('OpportunityReopened', { previousOutcome, toStage, reopenedAt }),
    revised: (previousAmount: ContractMoney, amount: ContractMoney) => next('OpportunityAmountRevised', { previousAmount, amount, revisedAt: at }),
    reassigned: (previousOwnerId: string, ownerId: string) => next('OpportunityOwnerReassigned', { previousOwnerId, ownerId, reassignedAt: at }),
    rescheduled: () => next('OpportunityCloseDateRescheduled', { previousExpectedCloseDate: '2026-06-30', expectedCloseDate: '2026-09-30', rescheduledAt: at }),
    archived: (stage: ContractOpenStage | ContractClosedStage, archivedAt = at) => next('OpportunityArchived', { stage, archivedAt }),
    restored: (stage: ContractOpenStage | ContractClosedStage, restoredAt = at) => next('OpportunityRestored', { stage, restoredAt }),
    activity: () => next('ActivityLogged', { activityId: `a${revision + 1}`, kind: 'call', occurredAt: at, subject: 'intro', loggedAt: at }),
  };
};

export type FunnelState = Readonly<{ entries: ReadonlyMap<string, FunnelEntry>; counters: ReadonlyMap<string, CounterFigures> }>;

export const noFunnel: FunnelState = { entries: new Map(), counters: new Map() };

/**
 * What the runtime does, minus the I/O: the revision guard decides whether an
 * event is applied, and only an applied event adds its counter deltas.
 */
export const projectFunnel = (events: readonly ConsumedEvent[], initial: FunnelState = noFunnel): FunnelState => {
  const entries = new Map(initial.entries);
  const counters = new Map(initial.counters);
  for (const event of events) {
    const id = salesFunnelProjection.documentIdOf(event);
    const current = id === undefined ? null : (entries.get(id) ?? null);
    const step = stepOf(salesFunnelProjection, current, event);
    if (step.kind !== 'write') continue;
    entries.set(step.id, step.document);
    for (const delta of salesFunnelProjection.counterDeltasOf(current, step.document)) {
      counters.set(delta.counterId, sumCounterFigures([counters.get(delta.counterId) ?? {}, delta.increments]));
    }
  }
  return { entries, counters };
};

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): property specs that fail can be replayed. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(random: () => number, options: readonly T[]): T => options[Math.floor(random() * options.length)] as T;

const moneyOf = (random: () => number): ContractMoney => ({ amount: Math.round(random() * 1e7) / 100, currency: pick(random, ['EUR', 'USD', 'JPY']) });

/**
 * A random but valid history of one deal: any open-stage move (skips and
 * backward moves included), closes, reopens, revisions, reassignments, and
 * archives (after which only a restore comes, as the aggregate refuses the rest),
 * with business times that sometimes go backwards (to exercise the clamp).
 */
export const randomDealEvents = (random: () => number, opportunityId: string, length: number): ConsumedEvent[] => {
  const deal = dealStream(opportunityId);
  const owners = ['rep-ana', 'rep-bo', 'rep|ana'];
  let owner = pick(random, owners);
  let amount = moneyOf(random);
  let stage: ContractOpenStage | ContractClosedStage = 'lead';
  let seconds = 0;
  const later = (): string => {
    seconds += Math.floor(random() * 100000) - (random() < 0.1 ? 150000 : 0);
    return after(seconds);
  };
  const events = [deal.opened({ ownerId: owner, amount, region: pick(random, ['emea', 'apac']), openedAt: after(0) })];
  let archived = false;
  while (events.length < length) {
    const choice = random();
    if (archived) {
      events.push(deal.restored(stage, later()));
      archived = false;
    } else if (choice < 0.07) {
      events.push(deal.archived(stage, later()));
      archived = true;
    } else if (choice < 0.15) {
      const next = pick(random, owners);
      events.push(deal.reassigned(owner, next));
      owner = next;
    } else if (choice < 0.2) {
      events.push(pick(random, [deal.rescheduled, deal.activity])());
    } else if (stage === 'won' || stage === 'lost') {
      const to = pick(random, contractOpenStages);
      events.push(deal.reopened(stage, to, later()));
      stage = to;
    } else if (choice < 0.3) {
      const next = moneyOf(random);
      events.push(deal.revised(amount, next));
      amount = next;
    } else if (choice < 0.4) {
      amount = moneyOf(random);
      events.push(deal.won(stage, amount, later()));
      stage = 'won';
    } else if (choice < 0.5) {
      events.push(deal.lost(stage, later()));
      stage = 'lost';
    } else {
      const from: ContractOpenStage = stage;
      const to: ContractOpenStage = pick(random, contractOpenStages.filter((open) => open !== from));
      events.push(deal.moved(from, to, later()));
      stage = to;
    }
  }
  return events;
};
