import type { CommandContext, CommandHandler, CommandResult, EventStore } from '@meridian/platform/eventsourcing';
import {
  BusinessRuleViolation,
  ConcurrencyRetriesExhausted,
  IdempotencyKeyReused,
  StaleRevision,
  deterministicUuid,
} from '@meridian/platform/eventsourcing';
import type { CustomerCommand, MergeCustomer } from '@meridian/customers/domain';
import { CustomerRuleCodes, customerDecider, customerStreamId } from '@meridian/customers/domain';
import type { CustomerHistory } from './customer-stream.read';
import { keyedResult, readCustomerHistory } from './customer-stream.read';

// A merge spans two streams, so it is a small saga (see the domain's
// customer-merge.commands.ts): mark the absorbed customer first, then record
// the absorption on the survivor, and undo the mark if the survivor refuses.
// Every step is idempotent in the domain, so re-sending a half-done merge or
// unmerge finishes it. With an Idempotency-Key, each step's events get ids
// derived from it (per stream), so a retry replays instead of appending; no
// key is derived from the pair alone, since merging a pair again after an
// unmerge must append anew rather than replay the first merge.

export type LineageDeps = Readonly<{ handler: CommandHandler; store: EventStore }>;

type LineageRequest = Readonly<{
  context: CommandContext;
  /** If-Match of the survivor (the resource the URL names). */
  pinnedRevision?: number;
  /** Business time of every step. */
  at: string;
}>;

export type MergeRequest = LineageRequest & Readonly<{ survivorId: string; mergedCustomerId: string; reason?: string }>;
export type UnmergeRequest = LineageRequest & Readonly<{ survivorId: string; unmergedCustomerId: string }>;

/** Both streams' results; `absorbed` is the merged (or unmerged) customer's. */
export type LineageOutcome = Readonly<{ survivor: CommandResult; absorbed: CommandResult }>;

const step = (deps: LineageDeps, customerId: string, command: CustomerCommand, context: CommandContext, at: string, pinnedRevision?: number) =>
  deps.handler.handle({
    decider: customerDecider,
    streamId: customerStreamId(customerId),
    command,
    context,
    occurredAt: at,
    ...(pinnedRevision === undefined ? {} : { pinnedRevision }),
  });

/** Failures that prove the step appended nothing; anything else (the store gone mid-append) may have, so it is never undone blindly. */
const appendedNothing = (error: unknown): boolean =>
  error instanceof BusinessRuleViolation ||
  error instanceof StaleRevision ||
  error instanceof IdempotencyKeyReused ||
  error instanceof ConcurrencyRetriesExhausted;

/**
 * The undo gets a key of its own: under the request's key the handler would
 * replay the mark instead of appending the revert.
 */
const compensationContext = (context: CommandContext): CommandContext =>
  context.idempotencyKey === undefined
    ? context
    : { ...context, idempotencyKey: deterministicUuid(context.tenantId, 'revert-merge', context.idempotencyKey) };

const absorbs = (history: CustomerHistory, customerId: string): boolean =>
  history.state.status === 'registered' && history.state.absorbed.includes(customerId);

/**
 * MarkMergedInto on the absorbed customer, then MergeCustomer on the survivor.
 * If the survivor refuses after all (merged away meanwhile, a stale If-Match), the mark is
 * reverted, unless the survivor had already absorbed this customer (a merge
 * done before): either way no customer is left half-merged, and the
 * survivor's refusal is what the caller gets.
 */
export const mergeCustomers = async (deps: LineageDeps, request: MergeRequest): Promise<LineageOutcome> => {
  const { survivorId, mergedCustomerId, context, at } = request;
  const merge: MergeCustomer = {
    type: 'MergeCustomer',
    data: { customerId: survivorId, mergedCustomerId, ...(request.reason === undefined ? {} : { reason: request.reason }), mergedAt: at },
  };
  // Ask the survivor first, read only: a merge it refuses now (unknown, merged away) marks nothing, so no
  // mark-and-revert pair is published. It can still change before its step; the compensation covers that race.
  customerDecider.decide(merge, (await readCustomerHistory(deps.store, context.tenantId, survivorId)).state);
  const marked = await step(deps, mergedCustomerId, { type: 'MarkMergedInto', data: { customerId: mergedCustomerId, survivorId, mergedAt: at } }, context, at);
  if (marked.replayed) {
    const absorbed = await readCustomerHistory(deps.store, context.tenantId, mergedCustomerId);
    if (absorbed.state.status === 'registered' && absorbed.state.mergedInto !== survivorId) return replayUndoneMerge(deps, request, merge, marked);
  }
  try {
    return { survivor: await step(deps, survivorId, merge, context, at, request.pinnedRevision), absorbed: marked };
  } catch (error) {
    if (appendedNothing(error) && !absorbs(await readCustomerHistory(deps.store, context.tenantId, survivorId), mergedCustomerId)) {
      const revert: CustomerCommand = { type: 'RevertMerge', data: { customerId: mergedCustomerId, formerSurvivorId: survivorId, revertedAt: at } };
      await step(deps, mergedCustomerId, revert, compensationContext(context), at);
    }
    throw error;
  }
};

/**
 * A retry whose mark was made by the first attempt but is no longer in force:
 * that attempt was refused and undone, or it succeeded and was unmerged since.
 * Only the first result may be repeated; nothing is merged anew under an old key.
 */
const replayUndoneMerge = async (deps: LineageDeps, request: MergeRequest, merge: MergeCustomer, marked: CommandResult): Promise<LineageOutcome> => {
  const survivor = await readCustomerHistory(deps.store, request.context.tenantId, request.survivorId);
  const earlier = keyedResult(survivor, request.context.idempotencyKey ?? '');
  if (earlier !== undefined) return { survivor: earlier, absorbed: marked };
  // The refusal the first attempt met, if the survivor still gives it (not found, merged away).
  customerDecider.decide(merge, survivor.state);
  throw new BusinessRuleViolation(
    CustomerRuleCodes.mergeNotAllowed,
    `The merge of ${request.mergedCustomerId} into ${request.survivorId} under this Idempotency-Key was refused and undone; send a new key to try again`,
  );
};

/**
 * UnmergeCustomer on the survivor, then RevertMerge on the absorbed customer:
 * the reverse of a merge, so the absorbed customer only stands alone once the
 * survivor has let it go. A retry after the survivor absorbed it again (a new
 * merge) repeats the first result and reverts nothing.
 */
export const unmergeCustomers = async (deps: LineageDeps, request: UnmergeRequest): Promise<LineageOutcome> => {
  const { survivorId, unmergedCustomerId, context, at } = request;
  const unmerge: CustomerCommand = { type: 'UnmergeCustomer', data: { customerId: survivorId, unmergedCustomerId, unmergedAt: at } };
  const unmerged = await step(deps, survivorId, unmerge, context, at, request.pinnedRevision);
  if (unmerged.replayed && absorbs(await readCustomerHistory(deps.store, context.tenantId, survivorId), unmergedCustomerId)) {
    const earlier = keyedResult(await readCustomerHistory(deps.store, context.tenantId, unmergedCustomerId), context.idempotencyKey ?? '');
    if (earlier !== undefined) return { survivor: unmerged, absorbed: earlier };
    throw new BusinessRuleViolation(
      CustomerRuleCodes.unmergeNotAllowed,
      `${unmergedCustomerId} was merged into ${survivorId} again after the unmerge under this Idempotency-Key; send a new key to unmerge again`,
    );
  }
  const revert: CustomerCommand = { type: 'RevertMerge', data: { customerId: unmergedCustomerId, formerSurvivorId: survivorId, revertedAt: at } };
  return { survivor: unmerged, absorbed: await step(deps, unmergedCustomerId, revert, context, at) };
};
