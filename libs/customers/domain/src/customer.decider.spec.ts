import type { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { CustomerCommand, RegisterCustomer } from './customer.commands';
import { customerDecider, customerStreamId, decide } from './customer.decider';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { initialCustomerState } from './customer.state';
import { defaultSegmentPolicy } from './segment-policy.values';
import { customerId, customerStream, mergedInto, registerCustomer, registered } from './testing/customer.fixtures';

const spec = DeciderSpecification.for(customerDecider);
const at = '2026-04-01T08:00:00.000Z';
const register = (data: Partial<RegisterCustomer['data']> & Record<string, unknown> = {}): CustomerCommand =>
  ({ ...registerCustomer, data: { ...registerCustomer.data, ...data } }) as CustomerCommand;

const thrownBy = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the action to throw');
};

describe('customer stream id', () => {
  it('is customer-<id>', () => {
    expect(customerStreamId(customerId)).toBe(customerStream);
  });
});

describe('RegisterCustomer', () => {
  it('registers the customer with trimmed text and normalised, de-duplicated emails and phones', () => {
    spec.given([]).when(registerCustomer).then([registered]);
    const repeated = register({ emails: ['sales@acme.example', 'SALES@acme.example'], phones: ['(555) 010-4477', '+1 555 010 4477'] });
    spec.given([]).when(repeated).then([{ ...registered, data: { ...registered.data, emails: ['sales@acme.example'] } }]);
  });

  it('uses the default country code the command names', () => {
    const [event] = decide(register({ phones: ['030 1234567'], defaultCountryCode: '+49' }), initialCustomerState);
    expect(event.data).toHaveProperty('phones', ['+49301234567']);
  });

  it('leaves out a blank industry and an absent size rather than carrying them empty', () => {
    const [event] = decide(register({ industry: '  ', size: undefined }), initialCustomerState);
    expect(event.data).not.toHaveProperty('industry');
    expect(event.data).not.toHaveProperty('size');
  });

  it('copies only the agreed fields into the event', () => {
    spec.given([]).when(register({ internalNote: 'not public', defaultCountryCode: '+1' })).then([registered]);
  });

  it('appends nothing when the same registration arrives again, even later: an import re-runs a crashed batch', () => {
    spec.given([registered]).when(registerCustomer).thenNothingHappens();
    spec.given([registered]).when(register({ registeredAt: '2026-03-09T00:00:00.000Z', name: 'ACME Analytics GmbH' })).thenNothingHappens();
  });

  it('refuses other details under a registered id', () => {
    spec.given([registered]).when(register({ name: 'Another company' })).thenRejects(Codes.alreadyRegistered);
  });

  it.each(['name', 'region', 'ownerId', 'sourceChannel'] as const)('refuses a blank %s', (field) => {
    spec.given([]).when(register({ [field]: ' \t' })).thenRejects(Codes.blankField);
  });

  it('refuses a kind or size outside their sets', () => {
    spec.given([]).when(register({ kind: 'partner' as 'company' })).thenRejects(Codes.invalidField);
    spec.given([]).when(register({ size: '10-50' as '11-50' })).thenRejects(Codes.invalidField);
  });

  it('refuses an invalid email or phone, naming it', () => {
    spec.given([]).when(register({ emails: ['sales@acme'] })).thenRejects(Codes.invalidEmail);
    spec.given([]).when(register({ phones: ['123'] })).thenRejects(Codes.invalidPhone);
    spec.given([]).when(register({ defaultCountryCode: '49' })).thenRejects(Codes.invalidPhone);
    const error = thrownBy(() => decide(register({ emails: ['ok@acme.example', 'bad@'] }), initialCustomerState)) as BusinessRuleViolation;
    expect(error.details).toEqual({ field: 'emails', value: 'bad@', problem: 'needs a local part, an @ and a domain' });
  });
});

describe('any command on a missing customer', () => {
  const policy = defaultSegmentPolicy;
  const commands: CustomerCommand[] = [
    { type: 'ReviseCustomerProfile', data: { customerId, name: 'x', region: 'y', emails: [], phones: [], revisedAt: at } },
    { type: 'AddContact', data: { customerId, contactId: 'c', name: 'x', emails: [], phones: [], addedAt: at } },
    { type: 'ReviseContact', data: { customerId, contactId: 'c', name: 'x', emails: [], phones: [], revisedAt: at } },
    { type: 'RemoveContact', data: { customerId, contactId: 'c', removedAt: at } },
    { type: 'TagCustomer', data: { customerId, tag: 'x', taggedAt: at } },
    { type: 'UntagCustomer', data: { customerId, tag: 'x', untaggedAt: at } },
    { type: 'AssignCustomerGroups', data: { customerId, groups: [], assignedAt: at } },
    { type: 'SetIntentLevel', data: { customerId, level: 'hot', reason: 'x', setAt: at } },
    { type: 'ChangeCustomerOwner', data: { customerId, ownerId: 'rep-bo', changedAt: at } },
    { type: 'RecordConsent', data: { customerId, purpose: 'profiling', granted: true, source: 'form', recordedAt: at } },
    { type: 'RecordInteraction', data: { customerId, interactionId: 'i', kind: 'call', occurredAt: at, summary: 'x', recordedAt: at } },
    { type: 'MergeCustomer', data: { customerId, mergedCustomerId: 'other', mergedAt: at } },
    { type: 'MarkMergedInto', data: { customerId, survivorId: 'other', mergedAt: at } },
    { type: 'UnmergeCustomer', data: { customerId, unmergedCustomerId: 'other', unmergedAt: at } },
    { type: 'RevertMerge', data: { customerId, formerSurvivorId: 'other', revertedAt: at } },
    {
      type: 'RecordOrderValue',
      data: { customerId, orderId: 'o', netValue: { amount: 1, currency: 'EUR' }, purchasedAt: at, orderRevision: 1, recordedAt: at, policy, asOf: at },
    },
    { type: 'ReevaluateValueSegment', data: { customerId, policy, asOf: at } },
    { type: 'ArchiveCustomer', data: { customerId, archivedAt: at } },
    { type: 'RestoreCustomer', data: { customerId, restoredAt: at } },
  ];

  it('covers every command but RegisterCustomer', () => {
    expect(new Set(commands.map((command) => command.type)).size).toBe(19);
  });

  it.each(commands.map((command) => [command.type, command] as const))('%s is refused as not found', (_type, command) => {
    spec.given([]).when(command).thenRejects(Codes.notFound);
    const error = thrownBy(() => decide(command, initialCustomerState));
    expect(error).toBeInstanceOf(AggregateNotFound);
    expect((error as AggregateNotFound).streamId).toBe(customerStream);
  });

  const onMergedAway = commands.filter((command) => !['MergeCustomer', 'MarkMergedInto', 'RevertMerge'].includes(command.type));
  it.each(onMergedAway.map((command) => [command.type, command] as const))(
    '%s on a merged-away customer is refused as customer-merged, naming the survivor',
    (_type, command) => {
      spec.given([registered, mergedInto('cust-survivor')]).when(command).thenRejects(Codes.merged);
      const error = thrownBy(() => customerDecider.decide(command, [registered, mergedInto('cust-survivor')].reduce(customerDecider.evolve, initialCustomerState)));
      expect((error as BusinessRuleViolation).details).toEqual({ survivorId: 'cust-survivor' });
    },
  );

  it('recognises a re-run registration on a merged-away customer too', () => {
    spec.given([registered, mergedInto('cust-survivor')]).when(registerCustomer).thenNothingHappens();
  });
});
