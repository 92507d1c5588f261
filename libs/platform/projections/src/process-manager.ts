import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ApplyOutcome } from './apply-event';
import { ProjectionFailed, applyEvent } from './apply-event';
import type { ProjectedDocument, Projection } from './projection';
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
): ReadModelBinding => {
  const react = async (event: ConsumedEvent, lane: DeliveryLane): Promise<ApplyOutcome> => {
    const stateId = manager.state?.documentIdOf(event);
    const state = stateId === undefined ? null : await storage.documents.load(stateId);
    let reaction: Reaction;
    try {
      reaction = await manager.react(event, state);
    } catch (error) {
      if (error instanceof BusinessRuleViolation) throw new ReactionRefused(error);
      throw error;
    }
    const kept = manager.state === undefined ? 'ignored' : await applyEvent(manager.state, storage, event, lane);
    if (reaction === 'reacted' || kept === 'applied') return 'applied';
    return kept === 'already-applied' ? 'already-applied' : 'ignored';
  };
  return {
    readModel: `pm.${manager.name}`,
    progress: storage.progress,
    apply: async (event, lane) => {
      let outcome: ApplyOutcome;
      try {
        outcome = await react(event, lane);
      } catch (error) {
        observe(outcomeOfError(error));
        throw error;
      }
      observe(outcome === 'applied' ? 'applied' : outcome === 'already-applied' ? 'duplicate' : 'skipped');
      return outcome;
    },
  };
};
