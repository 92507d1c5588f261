import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ApplyOutcome } from './apply-event';
import { ProjectionFailed, applyEvent } from './apply-event';
import type { BatchEvent } from './apply-events';
import { applyEvents, readInSlices } from './apply-events';
import type { ProjectedDocument, Projection } from './projection';
import { stepOf } from './projection';
import type { ReadModelBinding } from './read-model-binding';
import type { DeliveryLane, ReadModelStorage } from './read-model-store.port';

export type Reaction = 'reacted' | 'ignored';

/**
 * A cross-context flow: it consumes another context's public events and sends
 * commands to its own context. Reactions must be idempotent (deterministic ids,
 * idempotency keys, no-op deciders), because delivery is at least once.
 */
export type ProcessManager<TState extends ProjectedDocument = ProjectedDocument> = Readonly<{
  /** Also the consumer group (`pm.<name>`) and the state collection. */
  name: string;
  /** Topic names without the deployment prefix. */
  topics: readonly string[];
  /**
   * What it must remember between events (e.g. the customer of an opportunity,
   * known from OpportunityOpened and needed at OpportunityWon), kept per stream
   * like a read-model document and guarded by stream revision.
   */
  state?: Projection<TState>;
  /** Runs with the state as it was before this event. */
  react: (event: ConsumedEvent, state: TState | null) => Promise<Reaction>;
}>;

/** A rule of the target context refused the reaction: retrying cannot help, so it is dead-lettered. */
export class ReactionRefused extends ProjectionFailed {}

/** What became of one event given to a process manager (the metrics' `outcome` label). */
export type ReactionOutcome = 'applied' | 'duplicate' | 'skipped' | 'refused' | 'failed';

/** Told of every event's outcome, after the reaction and the state write (or the failure). */
export type ReactionObserver = (outcome: ReactionOutcome) => void;

const outcomeOfError = (error: unknown): ReactionOutcome => (error instanceof ProjectionFailed ? 'refused' : 'failed');

/**
 * Binds a process manager to the store of its state, as the consumer runtime
 * drives read models. The reaction runs before the state write: a crash in
 * between re-runs the (idempotent) reaction instead of skipping it, which a
 * state already moved past the event would do. `observe` hears each outcome:
 * a refusal or a state projection error (`refused`, dead-lettered or skipped
 * by the feed) and any other error (`failed`, retried by the feed) included.
 */
export const bindProcessManager = <TState extends ProjectedDocument>(
  manager: ProcessManager<TState>,
  storage: ReadModelStorage<TState>,
  observe: ReactionObserver = () => undefined,
  /**
   * Batches for the in-process feed (standalone), where one page goes to the
   * manager at once. Over Kafka each message gets its own consumer span, which
   * the command it sends must nest under, so there it reacts one at a time.
   */
  options: Readonly<{ batches?: boolean }> = {},
): ReadModelBinding => {
  const reactTo = async (event: ConsumedEvent, state: TState | null): Promise<Reaction> => {
    try {
      return await manager.react(event, state);
    } catch (error) {
      if (error instanceof BusinessRuleViolation) throw new ReactionRefused(error);
      throw error;
    }
  };
  const react = async (event: ConsumedEvent, lane: DeliveryLane): Promise<ApplyOutcome> => {
    const stateId = manager.state?.documentIdOf(event);
    const state = stateId === undefined ? null : await storage.documents.load(stateId);
    const reaction = await reactTo(event, state);
    const kept = manager.state === undefined ? 'ignored' : await applyEvent(manager.state, storage, event, lane);
    if (reaction === 'reacted' || kept === 'applied') return 'applied';
    return kept === 'already-applied' ? 'already-applied' : 'ignored';
  };
  /**
   * A lane's batch: every reaction in order, each given the state as it was
   * before its event (folded in memory from one read), then the states
   * written as a read model's batch is. A crash before that write re-runs the
   * batch's (idempotent) reactions, as a crash between one reaction and its
   * state write re-runs that one.
   */
  const reactToBatch = async (laneId: string, batch: readonly BatchEvent[]): Promise<ApplyOutcome[]> => {
    const projection = manager.state;
    const stateIds = projection === undefined ? [] : batch.map(({ event }) => projection.documentIdOf(event));
    const ids = [...new Set(stateIds.filter((id): id is string => id !== undefined))];
    const states = new Map<string, TState | null>(ids.length === 0 ? [] : await readInSlices(ids, (slice) => storage.documents.loadMany(slice)));
    const reactions: Reaction[] = [];
    for (const [index, { event }] of batch.entries()) {
      const stateId = stateIds[index];
      const state = stateId === undefined ? null : (states.get(stateId) ?? null);
      reactions.push(await reactTo(event, state));
      if (projection === undefined || stateId === undefined) continue;
      let step;
      try {
        step = stepOf(projection, state, event);
      } catch (error) {
        throw new ProjectionFailed(error);
      }
      if (step.kind === 'write') states.set(stateId, step.document);
      if (step.kind === 'delete') states.set(stateId, null);
    }
    const kept = projection === undefined ? batch.map((): ApplyOutcome => 'ignored') : await applyEvents(projection, storage, laneId, batch);
    return reactions.map((reaction, index) => (reaction === 'reacted' || kept[index] === 'applied' ? 'applied' : kept[index] === 'already-applied' ? 'already-applied' : 'ignored'));
  };
  const observed = <T>(work: () => Promise<T>, outcomesOf: (result: T) => readonly ApplyOutcome[]): Promise<T> =>
    work().then(
      (result) => {
        for (const outcome of outcomesOf(result)) observe(outcome === 'applied' ? 'applied' : outcome === 'already-applied' ? 'duplicate' : 'skipped');
        return result;
      },
      (error: unknown) => {
        observe(outcomeOfError(error));
        throw error;
      },
    );
  return {
    readModel: `pm.${manager.name}`,
    progress: storage.progress,
    ...(options.batches === true ? { applyBatch: (laneId: string, batch: readonly BatchEvent[]) => observed(() => reactToBatch(laneId, batch), (outcomes) => outcomes) } : {}),
    apply: (event, lane) => observed(() => react(event, lane), (outcome) => [outcome]),
  };
};
