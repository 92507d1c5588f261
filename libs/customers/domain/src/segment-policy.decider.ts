import type { Decider } from '@meridian/platform/eventsourcing';
import { assertNever } from '@meridian/platform/eventsourcing';
import type { SegmentPolicyCommand, SegmentPolicyEvent } from './segment-policy.events';
import type { SegmentPolicy } from './segment-policy.values';
import { defaultSegmentPolicy, sameSegmentPolicy, validSegmentPolicy } from './segment-policy.values';

/** `default` until the tenant sets a policy; afterwards the policy last set. */
export type SegmentPolicyState =
  | Readonly<{ status: 'default' }>
  | Readonly<{ status: 'set'; policy: SegmentPolicy; setAt: string }>;

export const initialSegmentPolicyState: SegmentPolicyState = { status: 'default' };

/** The policy in force: the one last set, else the default. */
export const currentSegmentPolicy = (state: SegmentPolicyState): SegmentPolicy =>
  state.status === 'set' ? state.policy : defaultSegmentPolicy;

/**
 * Setting the policy already set appends nothing. The first explicit choice is
 * recorded even when it equals the default, so the tenant's decision is on record.
 */
export const decideSegmentPolicy = (command: SegmentPolicyCommand, state: SegmentPolicyState): readonly SegmentPolicyEvent[] => {
  switch (command.type) {
    case 'SetSegmentPolicy': {
      const policy = validSegmentPolicy(command.data);
      if (state.status === 'set' && sameSegmentPolicy(state.policy, policy)) return [];
      return [{ type: 'SegmentPolicySet', data: { ...policy, setAt: command.data.setAt } }];
    }
    default:
      return assertNever(command.type);
  }
};

export const evolveSegmentPolicy = (_state: SegmentPolicyState, event: SegmentPolicyEvent): SegmentPolicyState => {
  switch (event.type) {
    case 'SegmentPolicySet': {
      const { setAt, ...policy } = event.data;
      return { status: 'set', policy, setAt };
    }
    default:
      return assertNever(event.type);
  }
};

export const segmentPolicyDecider: Decider<SegmentPolicyCommand, SegmentPolicyEvent, SegmentPolicyState> = {
  decide: decideSegmentPolicy,
  evolve: evolveSegmentPolicy,
  initialState: initialSegmentPolicyState,
};
