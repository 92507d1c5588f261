import fc from 'fast-check';
import type { ActivityKind, Money, OpenOpportunity, OpenStage, OpportunityCommand } from '@meridian/opportunities/domain';
import { activityKinds, openStages } from '@meridian/opportunities/domain';

/**
 * What a user asks of a deal, without its id and times, so a shrunk
 * counterexample reads as a story. Each turns into exactly one command.
 */
export type DealIntent =
  | Readonly<{ intent: 'move'; toStage: OpenStage }>
  | Readonly<{ intent: 'win'; finalAmount?: Money }>
  | Readonly<{ intent: 'lose'; reason: string }>
  | Readonly<{ intent: 'reopen'; toStage?: OpenStage; reason?: string }>
  | Readonly<{ intent: 'revise'; amount: Money }>
  | Readonly<{ intent: 'reschedule'; expectedCloseDate: string }>
  | Readonly<{ intent: 'reassign'; ownerId: string }>
  | Readonly<{ intent: 'log'; activityId: string; kind: ActivityKind; nextFollowUpInDays?: number }>
  | Readonly<{ intent: 'archive'; reason?: string }>
  | Readonly<{ intent: 'restore' }>;

export type DealOpening = Omit<OpenOpportunity['data'], 'opportunityId' | 'openedAt'> & Readonly<{ openedOnDay: number }>;

export type DealScript = Readonly<{ opportunityId: string; opening: DealOpening; intents: readonly DealIntent[] }>;

export const owners = ['rep-ana', 'rep-bo', 'rep-cy'] as const;
export const customers = ['cust-acme', 'cust-globex'] as const;

const hour = 3_600_000;
const firstDay = Date.parse('2026-01-05T09:00:00.000Z');

/**
 * Amounts are drawn mostly from a small pool, so a revise often names the
 * amount the deal opened or was won at (the `amount-unchanged` edge), and
 * otherwise anything valid, zero and cents included.
 */
const money: fc.Arbitrary<Money> = fc.oneof(
  fc.constantFrom<Money>({ amount: 1000, currency: 'EUR' }, { amount: 900, currency: 'EUR' }, { amount: 900, currency: 'USD' }, { amount: 0, currency: 'EUR' }),
  fc.record({ amount: fc.integer({ min: 0, max: 1_000_000_00 }).map((cents) => cents / 100), currency: fc.constantFrom('EUR', 'USD', 'JPY') }),
);

const closeDate = fc.constantFrom('2026-03-31', '2026-06-30', '2026-09-30');
const openStage = fc.constantFrom(...openStages);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Drops the keys an `fc.option` left undefined: the commands' optional fields are absent, not undefined. */
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

const intent: fc.Arbitrary<DealIntent> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ intent: fc.constant('move' as const), toStage: openStage }) },
  { weight: 2, arbitrary: fc.record({ intent: fc.constant('win' as const), finalAmount: optional(money) }).map(defined) },
  { weight: 1, arbitrary: fc.record({ intent: fc.constant('lose' as const), reason: fc.constantFrom('budget', 'chose a competitor', '   ') }) },
  {
    weight: 3,
    arbitrary: fc.record({ intent: fc.constant('reopen' as const), toStage: optional(openStage), reason: optional(fc.constantFrom('new budget', ' ')) }).map(defined),
  },
  { weight: 3, arbitrary: fc.record({ intent: fc.constant('revise' as const), amount: money }) },
  { weight: 1, arbitrary: fc.record({ intent: fc.constant('reschedule' as const), expectedCloseDate: closeDate }) },
  { weight: 2, arbitrary: fc.record({ intent: fc.constant('reassign' as const), ownerId: fc.constantFrom(...owners) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      intent: fc.constant('log' as const),
      activityId: fc.constantFrom('act-1', 'act-2', 'act-3'),
      kind: fc.constantFrom(...activityKinds),
      nextFollowUpInDays: optional(fc.integer({ min: -2, max: 10 })),
    }).map(defined),
  },
  // Often enough that a deal is regularly archived while other commands come (and are refused), then restored.
  { weight: 2, arbitrary: fc.record({ intent: fc.constant('archive' as const), reason: optional(fc.constantFrom('duplicate', ' ')) }).map(defined) },
  { weight: 2, arbitrary: fc.constant({ intent: 'restore' as const }) },
);

const opening: fc.Arbitrary<DealOpening> = fc.record({
  customerId: fc.constantFrom(...customers),
  name: fc.constantFrom('Fleet telematics', 'Analytics rollout'),
  ownerId: fc.constantFrom(...owners),
  amount: money,
  expectedCloseDate: closeDate,
  sourceChannel: fc.constantFrom('webinar', 'referral'),
  productLine: fc.constantFrom('analytics', 'telematics'),
  region: fc.constantFrom('emea', 'apac'),
  openedOnDay: fc.integer({ min: 0, max: 90 }),
});

/** A few deals of one tenant, each with the commands its users send, in order. */
export const dealScripts: fc.Arbitrary<DealScript[]> = fc
  .array(fc.record({ opening, intents: fc.array(intent, { maxLength: 30 }) }), { minLength: 1, maxLength: 4 })
  .map((deals) => deals.map((deal, index) => ({ opportunityId: `deal-${index + 1}`, ...deal })));

const instantAfter = (start: number, hours: number): string => new Date(start + hours * hour).toISOString();

/** The commands of a script, one hour apart from the opening on: business times only move forward. */
export const commandsOf = ({ opportunityId, opening: { openedOnDay, ...details }, intents }: DealScript): OpportunityCommand[] => {
  const openedAt = firstDay + openedOnDay * 24 * hour;
  const open: OpportunityCommand = { type: 'OpenOpportunity', data: { opportunityId, ...details, openedAt: instantAfter(openedAt, 0) } };
  return [open, ...intents.map((wish, index) => commandOf(opportunityId, wish, instantAfter(openedAt, index + 1)))];
};

const commandOf = (opportunityId: string, wish: DealIntent, at: string): OpportunityCommand => {
  switch (wish.intent) {
    case 'move':
      return { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: wish.toStage, changedAt: at } };
    case 'win':
      return { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'won', ...withFinalAmount(wish.finalAmount), changedAt: at } };
    case 'lose':
      return { type: 'ChangeOpportunityStage', data: { opportunityId, toStage: 'lost', lostReason: wish.reason, changedAt: at } };
    case 'reopen': {
      const { toStage, reason } = wish;
      return { type: 'ReopenOpportunity', data: defined({ opportunityId, toStage, reason, reopenedAt: at }) };
    }
    case 'revise':
      return { type: 'ReviseOpportunityAmount', data: { opportunityId, amount: wish.amount, revisedAt: at } };
    case 'reschedule':
      return { type: 'RescheduleOpportunityClose', data: { opportunityId, expectedCloseDate: wish.expectedCloseDate, rescheduledAt: at } };
    case 'reassign':
      return { type: 'ReassignOpportunityOwner', data: { opportunityId, newOwnerId: wish.ownerId, reassignedAt: at } };
    case 'archive':
      return { type: 'ArchiveOpportunity', data: defined({ opportunityId, reason: wish.reason, archivedAt: at }) };
    case 'restore':
      return { type: 'RestoreOpportunity', data: { opportunityId, restoredAt: at } };
    case 'log': {
      const { activityId, kind, nextFollowUpInDays } = wish;
      const nextFollowUpOn = nextFollowUpInDays === undefined ? undefined : instantAfter(Date.parse(at), nextFollowUpInDays * 24).slice(0, 10);
      return {
        type: 'LogOpportunityActivity',
        data: defined({ opportunityId, activityId, kind, occurredAt: at, subject: `${kind} ${activityId}`, nextFollowUpOn, loggedAt: at }),
      };
    }
  }
};

const withFinalAmount = (finalAmount: Money | undefined) => (finalAmount === undefined ? {} : { finalAmount });
