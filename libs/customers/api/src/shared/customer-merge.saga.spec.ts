import type { AppendResult, CommandContext, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions } from '@meridian/platform/eventsourcing';
import { BusinessRuleViolation, CommandHandler, MemoryEventStore, StaleRevision } from '@meridian/platform/eventsourcing';
import { customerDecider, customerStreamId } from '@meridian/customers/domain';
import { registerCustomer } from '@meridian/customers/domain/testing';
import type { LineageDeps } from './customer-merge.saga';
import { mergeCustomers, unmergeCustomers } from './customer-merge.saga';

/** The store port in memory, recording each append in order, and able to fail the next append to a stream as a lost connection would. */
class RecordingStore implements EventStore {
  readonly appends: string[] = [];
  private readonly inner = new MemoryEventStore();
  private failing?: string;

  failNextAppendTo(streamId: string): void {
    this.failing = streamId;
  }

  readStream(streamId: string, options?: ReadStreamOptions) {
    return this.inner.readStream(streamId, options);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.failing === streamId) {
      this.failing = undefined;
      throw new Error('connection reset');
    }
    this.appends.push(...events.map((event) => `${streamId.slice(-3)}:${event.type}`));
    return this.inner.appendToStream(streamId, events, expected);
  }

  readAll(options: ReadAllOptions) {
    return this.inner.readAll(options);
  }

  headPosition() {
    return this.inner.headPosition();
  }

  close() {
    return this.inner.close();
  }
}

const at = '2026-03-10T09:00:00.000Z';
const context: CommandContext = { tenantId: 'acme', actorId: 'rep-ana', correlationId: 'corr', causationId: 'cause' };
const keyed = (idempotencyKey: string): CommandContext => ({ ...context, idempotencyKey, requestHash: `hash-of-${idempotencyKey}` });
// Ids ending in a recognisable three characters, as the recording store names streams by them.
const [survivor, absorbed, top] = ['cust-svr', 'cust-abs', 'cust-top'];

const setUp = async () => {
  const store = new RecordingStore();
  const deps: LineageDeps = { handler: new CommandHandler(store), store };
  for (const customerId of [survivor, absorbed, top]) {
    const command = { ...registerCustomer, data: { ...registerCustomer.data, customerId } };
    await deps.handler.handle({ decider: customerDecider, streamId: customerStreamId(customerId), command, context, occurredAt: at });
  }
  store.appends.length = 0;
  const typesOf = async (customerId: string) => (await store.readStream(customerStreamId(customerId))).slice(1).map((event) => event.type);
  const merge = (survivorId: string, mergedCustomerId: string, requestContext = context) =>
    mergeCustomers(deps, { survivorId, mergedCustomerId, context: requestContext, at });
  const unmerge = (survivorId: string, unmergedCustomerId: string, requestContext = context) =>
    unmergeCustomers(deps, { survivorId, unmergedCustomerId, context: requestContext, at });
  return { store, typesOf, merge, unmerge };
};

describe('merge saga', () => {
  it('marks the absorbed customer first, then records the absorption on the survivor', async () => {
    const { store, merge } = await setUp();
    const outcome = await merge(survivor, absorbed);
    expect(store.appends).toEqual(['abs:CustomerMergedInto', 'svr:CustomersMerged']);
    expect(outcome).toMatchObject({ survivor: { revision: 1, replayed: false }, absorbed: { revision: 1, replayed: false } });
  });

  it('touches neither customer when the survivor refuses up front (merged away, unknown)', async () => {
    const { store, typesOf, merge } = await setUp();
    await merge(top, survivor);
    store.appends.length = 0;
    await expect(merge(survivor, absorbed)).rejects.toMatchObject({ code: 'merge-not-allowed', details: { survivorId: top } });
    await expect(merge('cust-nobody', absorbed)).rejects.toMatchObject({ code: 'not-found' });
    expect(store.appends).toEqual([]);
    expect(await typesOf(absorbed)).toEqual([]);
  });

  it("undoes the mark and answers the survivor's refusal when the survivor refuses at its own step (a stale If-Match)", async () => {
    const { store, typesOf } = await setUp();
    const deps: LineageDeps = { handler: new CommandHandler(store), store };
    await expect(mergeCustomers(deps, { survivorId: survivor, mergedCustomerId: absorbed, context, at, pinnedRevision: 7 })).rejects.toBeInstanceOf(StaleRevision);
    expect(store.appends).toEqual(['abs:CustomerMergedInto', 'abs:CustomerMergeReverted']);
    expect(await typesOf(survivor)).toEqual([]);
  });

  it('leaves an earlier, complete merge alone when a repeat of it is refused', async () => {
    const { typesOf, merge } = await setUp();
    await merge(survivor, absorbed);
    await merge(top, survivor);
    await expect(merge(survivor, absorbed)).rejects.toBeInstanceOf(BusinessRuleViolation);
    expect(await typesOf(absorbed)).toEqual(['CustomerMergedInto']);
  });

  it('does not undo the mark when the second step failed without a verdict, and a retry under the same key finishes the merge', async () => {
    const { store, typesOf, merge } = await setUp();
    store.failNextAppendTo(customerStreamId(survivor));
    await expect(merge(survivor, absorbed, keyed('merge-1'))).rejects.toThrow('connection reset');
    expect(await typesOf(absorbed)).toEqual(['CustomerMergedInto']);
    const retried = await merge(survivor, absorbed, keyed('merge-1'));
    expect(retried).toMatchObject({ absorbed: { revision: 1, replayed: true }, survivor: { revision: 1, replayed: false } });
    expect(await merge(survivor, absorbed, keyed('merge-1'))).toMatchObject({ absorbed: { replayed: true }, survivor: { replayed: true } });
    expect([await typesOf(absorbed), await typesOf(survivor)]).toEqual([['CustomerMergedInto'], ['CustomersMerged']]);
  });

  it('repeats the first result of a key whose merge was unmerged since, merging nothing anew', async () => {
    const { typesOf, merge, unmerge } = await setUp();
    const first = await merge(survivor, absorbed, keyed('merge-1'));
    await unmerge(survivor, absorbed, keyed('unmerge-1'));
    const retried = await merge(survivor, absorbed, keyed('merge-1'));
    expect(retried).toEqual({ survivor: { ...first.survivor, appended: [], replayed: true }, absorbed: { ...first.absorbed, appended: [], replayed: true } });
    expect(await typesOf(absorbed)).toEqual(['CustomerMergedInto', 'CustomerMergeReverted']);
  });

  it('answers a retry of a compensated merge with a refusal, even once the survivor would accept', async () => {
    const { store, typesOf } = await setUp();
    const deps: LineageDeps = { handler: new CommandHandler(store), store };
    const stale = { survivorId: survivor, mergedCustomerId: absorbed, context: keyed('merge-1'), at, pinnedRevision: 7 };
    await expect(mergeCustomers(deps, stale)).rejects.toBeInstanceOf(StaleRevision);
    await expect(mergeCustomers(deps, { ...stale, pinnedRevision: undefined })).rejects.toMatchObject({ code: 'merge-not-allowed', details: {} });
    expect(await typesOf(absorbed)).toEqual(['CustomerMergedInto', 'CustomerMergeReverted']);
    expect(await typesOf(survivor)).toEqual([]);
  });
});

describe('unmerge saga', () => {
  it('lets the survivor give the customer back first, then reverts the absorbed customer', async () => {
    const { store, merge, unmerge } = await setUp();
    await merge(survivor, absorbed);
    store.appends.length = 0;
    const outcome = await unmerge(survivor, absorbed);
    expect(store.appends).toEqual(['svr:CustomersUnmerged', 'abs:CustomerMergeReverted']);
    expect(outcome).toMatchObject({ survivor: { revision: 2 }, absorbed: { revision: 2 } });
  });

  it('touches nothing for a customer the survivor did not absorb', async () => {
    const { store, unmerge } = await setUp();
    await expect(unmerge(survivor, absorbed)).rejects.toMatchObject({ code: 'unmerge-not-allowed' });
    expect(store.appends).toEqual([]);
  });

  it('finishes a half-done unmerge on retry, and repeats its result without reverting a later merge', async () => {
    const { store, typesOf, merge, unmerge } = await setUp();
    await merge(survivor, absorbed);
    store.failNextAppendTo(customerStreamId(absorbed));
    await expect(unmerge(survivor, absorbed, keyed('unmerge-1'))).rejects.toThrow('connection reset');
    expect(await unmerge(survivor, absorbed, keyed('unmerge-1'))).toMatchObject({ survivor: { replayed: true }, absorbed: { revision: 2, replayed: false } });
    await merge(survivor, absorbed, keyed('merge-2'));
    expect(await unmerge(survivor, absorbed, keyed('unmerge-1'))).toMatchObject({ survivor: { replayed: true }, absorbed: { revision: 2, replayed: true } });
    expect(await typesOf(absorbed)).toEqual(['CustomerMergedInto', 'CustomerMergeReverted', 'CustomerMergedInto']);
  });
});
