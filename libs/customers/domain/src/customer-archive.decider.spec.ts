import type { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { CustomerCommand } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { defaultSegmentPolicy } from './segment-policy.values';
import {
  absorbed, archived, archivedAt, contactAdded, customerId, eur, mergedInto, registerCustomer, registered, restored, tagged,
} from './testing/customer.fixtures';

const spec = DeciderSpecification.for(customerDecider);
const at = '2026-04-01T08:00:00.000Z';

const archive = (reason?: string): CustomerCommand => ({
  type: 'ArchiveCustomer',
  data: { customerId, ...(reason !== undefined ? { reason } : {}), archivedAt: at },
});
const restore: CustomerCommand = { type: 'RestoreCustomer', data: { customerId, restoredAt: at } };
const consent = (granted: boolean): CustomerCommand => ({
  type: 'RecordConsent',
  data: { customerId, purpose: 'email-marketing', granted, source: 'unsubscribe link', recordedAt: at },
});

const refusalOf = (history: readonly CustomerEvent[], command: CustomerCommand): BusinessRuleViolation => {
  try {
    customerDecider.decide(command, history.reduce(customerDecider.evolve, customerDecider.initialState));
  } catch (error) {
    return error as BusinessRuleViolation;
  }
  throw new Error('Expected a rule violation');
};

describe('ArchiveCustomer', () => {
  it('archives the customer, with a trimmed reason when one is given', () => {
    spec.given([registered]).when(archive(' Went out of business ')).then([
      { type: 'CustomerArchived', data: { customerId, reason: 'Went out of business', archivedAt: at } },
    ]);
    spec.given([registered]).when(archive('  ')).then([{ type: 'CustomerArchived', data: { customerId, archivedAt: at } }]);
  });

  it('refuses an archived customer as already-archived, naming when it was archived', () => {
    spec.given([registered, archived()]).when(archive()).thenRejects(Codes.alreadyArchived);
    expect(refusalOf([registered, archived()], archive()).details).toEqual({ archivedAt });
  });

  it('archives again a customer that was restored', () => {
    spec.given([registered, archived(), restored()]).when(archive()).then([{ type: 'CustomerArchived', data: { customerId, archivedAt: at } }]);
  });

  it('refuses a merged-away customer as customer-merged, naming the survivor', () => {
    spec.given([registered, mergedInto('cust-survivor')]).when(archive()).thenRejects(Codes.merged);
    expect(refusalOf([registered, mergedInto('cust-survivor')], archive()).details).toEqual({ survivorId: 'cust-survivor' });
  });

  it('archives a survivor: the customers it absorbed stay merged into it', () => {
    spec.given([registered, absorbed('cust-dup')]).when(archive()).then([{ type: 'CustomerArchived', data: { customerId, archivedAt: at } }]);
  });

  it('refuses a missing customer as not found', () => {
    spec.given([]).when(archive()).thenRejects(Codes.notFound);
  });
});

describe('RestoreCustomer', () => {
  it('restores an archived customer', () => {
    spec.given([registered, archived('dormant')]).when(restore).then([{ type: 'CustomerRestored', data: { customerId, restoredAt: at } }]);
  });

  it('refuses a customer that is not archived as not-archived, restored ones included', () => {
    spec.given([registered]).when(restore).thenRejects(Codes.notArchived);
    spec.given([registered, archived(), restored()]).when(restore).thenRejects(Codes.notArchived);
  });

  it('refuses a merged-away customer as customer-merged', () => {
    spec.given([registered, mergedInto('cust-survivor')]).when(restore).thenRejects(Codes.merged);
  });
});

describe('an archived customer', () => {
  const history = [registered, contactAdded('ct-1'), tagged('vip'), archived()];
  const refused: CustomerCommand[] = [
    { type: 'ReviseCustomerProfile', data: { customerId, name: 'ACME', region: 'dach', emails: [], phones: [], revisedAt: at } },
    { type: 'AddContact', data: { customerId, contactId: 'ct-2', name: 'Bo', emails: [], phones: [], addedAt: at } },
    { type: 'ReviseContact', data: { customerId, contactId: 'ct-1', name: 'Jane Roe', emails: [], phones: [], revisedAt: at } },
    { type: 'RemoveContact', data: { customerId, contactId: 'ct-1', removedAt: at } },
    { type: 'RecordInteraction', data: { customerId, interactionId: 'int-1', kind: 'call', occurredAt: at, summary: 'Called', recordedAt: at } },
    { type: 'TagCustomer', data: { customerId, tag: 'new', taggedAt: at } },
    { type: 'UntagCustomer', data: { customerId, tag: 'vip', untaggedAt: at } },
    { type: 'AssignCustomerGroups', data: { customerId, groups: ['grp-1'], assignedAt: at } },
    { type: 'SetIntentLevel', data: { customerId, level: 'hot', reason: 'Asked for a quote', setAt: at } },
    { type: 'ChangeCustomerOwner', data: { customerId, ownerId: 'rep-bo', changedAt: at } },
    consent(true),
    { type: 'MergeCustomer', data: { customerId, mergedCustomerId: 'cust-dup', mergedAt: at } },
    { type: 'MarkMergedInto', data: { customerId, survivorId: 'cust-top', mergedAt: at } },
    { type: 'UnmergeCustomer', data: { customerId, unmergedCustomerId: 'cust-dup', unmergedAt: at } },
  ];

  it.each(refused.map((command) => [command.type, command] as const))('refuses %s as customer-archived, naming when it was archived', (_type, command) => {
    spec.given(history).when(command).thenRejects(Codes.archived);
    expect(refusalOf(history, command).details).toEqual({ archivedAt });
  });

  it('still records a withdrawal of consent, for compliance', () => {
    spec.given(history).when(consent(false)).then([
      { type: 'CustomerConsentRecorded', data: { customerId, purpose: 'email-marketing', granted: false, source: 'unsubscribe link', recordedAt: at } },
    ]);
  });

  it('still records order values and judges its segment: orders are facts of the orders context', () => {
    const command: CustomerCommand = {
      type: 'RecordOrderValue',
      data: { customerId, orderId: 'ord-1', netValue: eur(50), purchasedAt: at, orderRevision: 1, recordedAt: at, policy: defaultSegmentPolicy, asOf: at },
    };
    const events = customerDecider.decide(command, history.reduce(customerDecider.evolve, customerDecider.initialState));
    expect(events.map((event) => event.type)).toEqual(['CustomerOrderValueRecorded', 'CustomerValueSegmentChanged']);
  });

  it('still recognises a re-run of its registration (an import re-running a batch)', () => {
    spec.given(history).when(registerCustomer).thenNothingHappens();
  });

  it('takes every command again once restored', () => {
    for (const command of refused.filter((each) => !['MergeCustomer', 'MarkMergedInto', 'UnmergeCustomer'].includes(each.type))) {
      expect(customerDecider.decide(command, [...history, restored()].reduce(customerDecider.evolve, customerDecider.initialState)).length).toBe(1);
    }
  });
});
