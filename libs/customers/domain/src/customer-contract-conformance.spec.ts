import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { contractValidatorOptions } from '@meridian/platform/contracts';
import type { CustomerContractPayloads, CustomerContractType } from '@meridian/customers/contracts';
import {
  contractCompanySizes,
  contractConsentPurposes,
  contractCustomerKinds,
  contractDuplicateReasons,
  contractIntentLevels,
  contractInteractionKinds,
  contractValueSegments,
  customerContractTypes,
  customerContracts,
} from '@meridian/customers/contracts';
import type { CustomerImportEvent } from './customer-import.events';
import { customerImportEventTypes } from './customer-import.events';
import { customerImportDecider } from './customer-import.decider';
import type { CustomerCommand } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { customerEventTypes } from './customer.events';
import { companySizes, consentPurposes, customerKinds, duplicateReasons, intentLevels, interactionKinds, valueSegments } from './customer.values';
import { segmentPolicyDecider } from './segment-policy.decider';
import type { SegmentPolicyEvent } from './segment-policy.events';
import { segmentPolicyEventTypes } from './segment-policy.events';
import { defaultSegmentPolicy } from './segment-policy.values';
import type { SameShape } from '@meridian/platform/eventsourcing/testing';
import { playCommands } from '@meridian/platform/eventsourcing/testing';

// Compile-time half: every domain event's data and its public payload have the same shape (SameShape).
type PublicEvent = CustomerEvent | CustomerImportEvent | SegmentPolicyEvent;
type DataOf<TType extends PublicEvent['type']> = Extract<PublicEvent, { type: TType }>['data'];
type Conformance = { [TType in PublicEvent['type']]: SameShape<DataOf<TType>, CustomerContractPayloads[TType]> };
const payloadsConform: Conformance = {
  CustomerRegistered: true, CustomerProfileRevised: true, ContactAdded: true, ContactRevised: true, ContactRemoved: true,
  CustomerTagged: true, CustomerUntagged: true, CustomerGroupsAssigned: true, CustomerIntentLevelSet: true, CustomerOwnerChanged: true,
  CustomerConsentRecorded: true, InteractionRecorded: true, CustomersMerged: true, CustomerMergedInto: true, CustomersUnmerged: true,
  CustomerMergeReverted: true, CustomerOrderValueRecorded: true, CustomerValueSegmentChanged: true, CustomerArchived: true, CustomerRestored: true,
  CustomerImportStarted: true, CustomerImportBatchProcessed: true, CustomerImportCompleted: true, SegmentPolicySet: true,
};
const sameEventTypes: SameShape<PublicEvent['type'], CustomerContractType> = true;

const ajv = new Ajv2020({ strict: true, allErrors: true, ...contractValidatorOptions });
addFormats(ajv);

const play = playCommands;

const on = (day: number, time = '10:00:00.000Z'): string => `2026-04-${String(day).padStart(2, '0')}T${time}`;
const survivorId = 'b0c1d2e3-0000-4000-8000-000000000001';
const absorbedId = 'b0c1d2e3-0000-4000-8000-000000000002';
const policy = { ...defaultSegmentPolicy, windowDays: 30 };
const register = (customerId: string, name: string): CustomerCommand => ({
  type: 'RegisterCustomer',
  data: {
    customerId, kind: 'company', name, industry: 'logistics', region: 'nordics', size: '201-1000', sourceChannel: 'referral',
    ownerId: 'rep-ana', emails: ['Ops@Fjord.example', 'f.jord+crm@gmail.com'], phones: ['+47 22 12 34 56'], defaultCountryCode: '+47', registeredAt: on(1),
  },
});

/** A customer's life: profile, contacts, labels, consent, interactions, a merge undone, orders and segments. */
const survivorLife: CustomerCommand[] = [
  register(survivorId, 'Fjord Freight AS'),
  { type: 'ReviseCustomerProfile', data: { customerId: survivorId, name: 'Fjord Freight', region: 'nordics', emails: ['ops@fjord.example'], phones: ['22 12 34 56'], defaultCountryCode: '+47', revisedAt: on(2) } },
  { type: 'AddContact', data: { customerId: survivorId, contactId: 'ct-1', name: 'Ingrid Berg', title: 'COO', emails: ['ingrid@fjord.example'], phones: [], addedAt: on(2) } },
  { type: 'ReviseContact', data: { customerId: survivorId, contactId: 'ct-1', name: 'Ingrid Berg', emails: ['ingrid@fjord.example'], phones: ['+4791234567'], revisedAt: on(3) } },
  { type: 'AddContact', data: { customerId: survivorId, contactId: 'ct-2', name: 'Ola Nordmann', emails: [], phones: [], addedAt: on(3) } },
  { type: 'RemoveContact', data: { customerId: survivorId, contactId: 'ct-2', removedAt: on(4) } },
  { type: 'TagCustomer', data: { customerId: survivorId, tag: 'Key Account', taggedAt: on(4) } },
  { type: 'TagCustomer', data: { customerId: survivorId, tag: 'pilot', taggedAt: on(4) } },
  { type: 'UntagCustomer', data: { customerId: survivorId, tag: 'PILOT', untaggedAt: on(5) } },
  { type: 'AssignCustomerGroups', data: { customerId: survivorId, groups: ['grp-nordics', 'grp-enterprise'], assignedAt: on(5) } },
  { type: 'SetIntentLevel', data: { customerId: survivorId, level: 'hot', reason: 'RFP received', setAt: on(6) } },
  { type: 'ChangeCustomerOwner', data: { customerId: survivorId, ownerId: 'rep-bo', changedAt: on(6) } },
  { type: 'RecordConsent', data: { customerId: survivorId, purpose: 'email-marketing', granted: true, source: 'web form', recordedAt: on(7) } },
  { type: 'RecordInteraction', data: { customerId: survivorId, interactionId: 'int-1', kind: 'visit', occurredAt: on(7, '09:00:00+02:00'), summary: 'Depot tour', contactId: 'ct-1', recordedAt: on(7) } },
  { type: 'MergeCustomer', data: { customerId: survivorId, mergedCustomerId: absorbedId, reason: 'Same org number', mergedAt: on(8) } },
  { type: 'UnmergeCustomer', data: { customerId: survivorId, unmergedCustomerId: absorbedId, unmergedAt: on(9) } },
  {
    type: 'RecordOrderValue',
    data: { customerId: survivorId, orderId: 'ord-1', netValue: { amount: 1499.99, currency: 'EUR' }, purchasedAt: on(10), orderRevision: 2, recordedAt: on(10), policy, asOf: on(10) },
  },
  { type: 'ReevaluateValueSegment', data: { customerId: survivorId, policy: { ...policy, windowDays: 1 }, asOf: on(20) } },
  { type: 'ArchiveCustomer', data: { customerId: survivorId, reason: 'Dormant for a year', archivedAt: on(21) } },
  { type: 'RecordConsent', data: { customerId: survivorId, purpose: 'email-marketing', granted: false, source: 'unsubscribe link', recordedAt: on(22) } },
  { type: 'RestoreCustomer', data: { customerId: survivorId, restoredAt: on(23) } },
];

const absorbedLife: CustomerCommand[] = [
  register(absorbedId, 'Fjord Freight A/S'),
  { type: 'MarkMergedInto', data: { customerId: absorbedId, survivorId, mergedAt: on(8) } },
  { type: 'RevertMerge', data: { customerId: absorbedId, formerSurvivorId: survivorId, revertedAt: on(9) } },
];

const importId = 'c0d1e2f3-0000-5000-8000-000000000003';
const importLife = [
  { type: 'StartCustomerImport', data: { importId, fileName: 'fair.csv', fileSha256: 'ab'.repeat(32), rowCount: 3, startedAt: on(11) } },
  {
    type: 'RecordImportBatch',
    data: {
      importId, firstRow: 1, lastRow: 3, processedAt: on(11, '10:05:00.000Z'),
      imported: [{ row: 1, customerId: 'cust-row-1' }],
      duplicates: [{ row: 2, duplicateOf: { row: 1 }, reason: 'email' }],
      rejected: [{ row: 3, errors: [{ field: 'region', message: 'is required' }] }],
    },
  },
  { type: 'CompleteCustomerImport', data: { importId, completedAt: on(11, '10:06:00.000Z') } },
] as const;

const policyLife = [
  { type: 'SetSegmentPolicy', data: { tenantId: 'tenant-fjord', windowDays: 90, currency: 'NOK', highAverageOrderValue: { amount: 10000, currency: 'NOK' }, highPurchaseCount: 5, setAt: on(1) } },
] as const;

describe('domain events conform to the public contracts', () => {
  const events: PublicEvent[] = [
    ...play(customerDecider, survivorLife),
    ...play(customerDecider, absorbedLife),
    ...play(customerImportDecider, importLife),
    ...play(segmentPolicyDecider, policyLife),
  ];

  it('agrees with the contracts on event types and value sets', () => {
    expect(Object.values(payloadsConform).every(Boolean) && sameEventTypes).toBe(true);
    expect([...customerEventTypes, ...customerImportEventTypes, ...segmentPolicyEventTypes].sort()).toEqual([...customerContractTypes].sort());
    expect(customerKinds).toEqual(contractCustomerKinds);
    expect(companySizes).toEqual(contractCompanySizes);
    expect(intentLevels).toEqual(contractIntentLevels);
    expect(consentPurposes).toEqual(contractConsentPurposes);
    expect(interactionKinds).toEqual(contractInteractionKinds);
    expect(valueSegments).toEqual(contractValueSegments);
    expect(duplicateReasons).toEqual(contractDuplicateReasons);
  });

  it('produces every event type at least once, so every contract is exercised', () => {
    expect(events).toHaveLength(29);
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(customerContractTypes));
  });

  it('produces payloads that survive JSON unchanged and pass their v1 schema', () => {
    for (const event of events) {
      const onTheWire: unknown = JSON.parse(JSON.stringify(event.data));
      expect(onTheWire).toStrictEqual(event.data);
      const schema = customerContracts[event.type].schema;
      const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
      const valid = validate(onTheWire);
      expect({ type: event.type, errors: validate.errors ?? null, valid }).toEqual({ type: event.type, errors: null, valid: true });
    }
  });
});
