import type { CustomerContractPayloads, CustomerContractType } from '../customer-contracts.registry';

const customerId = 'cust-acme';
const at = '2026-03-01T09:00:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** One complete payload per public type, optional fields included so their schemas get exercised too. */
export const customerContractSamples: { readonly [T in CustomerContractType]: CustomerContractPayloads[T] } = {
  CustomerRegistered: {
    customerId, kind: 'company', name: 'ACME Analytics GmbH', industry: 'software', region: 'dach', size: '51-200',
    sourceChannel: 'webinar', ownerId: 'rep-ana', emails: ['sales@acme.example', 'jdoe@gmail.com'], phones: ['+15550104477'], registeredAt: at,
  },
  CustomerProfileRevised: {
    customerId, name: 'ACME Analytics', industry: 'software', region: 'emea', size: '201-1000',
    emails: ['sales@acme.example'], phones: ['+442079460018', '+15550104477'], revisedAt: at,
  },
  ContactAdded: { customerId, contactId: 'ct-1', name: 'Jane Doe', title: 'CFO', emails: ['jane@acme.example'], phones: [], addedAt: at },
  ContactRevised: { customerId, contactId: 'ct-1', name: 'Jane Roe', title: 'CEO', emails: [], phones: ['+15550100001'], revisedAt: at },
  ContactRemoved: { customerId, contactId: 'ct-1', removedAt: at },
  CustomerTagged: { customerId, tag: 'key account', taggedAt: at },
  CustomerUntagged: { customerId, tag: 'key account', untaggedAt: at },
  CustomerGroupsAssigned: { customerId, groups: ['grp-dach', 'grp-enterprise'], assignedAt: at },
  CustomerIntentLevelSet: { customerId, level: 'hot', reason: 'Asked for a quote', setAt: at },
  CustomerOwnerChanged: { customerId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', changedAt: at },
  CustomerConsentRecorded: { customerId, purpose: 'email-marketing', granted: false, source: 'unsubscribe link', recordedAt: at },
  InteractionRecorded: {
    customerId, interactionId: 'int-1', kind: 'visit', occurredAt: '2026-02-28T15:00:00+01:00', summary: 'Site visit',
    contactId: 'ct-1', recordedAt: at,
  },
  CustomersMerged: { customerId, mergedCustomerId: 'cust-acme-dup', reason: 'Same VAT number', mergedAt: at },
  CustomerMergedInto: { customerId: 'cust-acme-dup', survivorId: customerId, mergedAt: at },
  CustomersUnmerged: { customerId, unmergedCustomerId: 'cust-acme-dup', unmergedAt: at },
  CustomerMergeReverted: { customerId: 'cust-acme-dup', formerSurvivorId: customerId, revertedAt: at },
  CustomerOrderValueRecorded: {
    customerId, orderId: 'ord-1', netValue: eur(1999.99), purchasedAt: '2026-02-20T10:00:00.000Z', orderRevision: 3, recordedAt: at,
  },
  CustomerValueSegmentChanged: {
    customerId, previousSegment: 'A', segment: 'C', purchaseCount: 1, averageOrderValue: eur(1999.99),
    windowStart: '2025-03-01T09:00:00.000Z', windowEnd: at, changedAt: at,
  },
  CustomerArchived: { customerId, reason: 'Went out of business', archivedAt: at },
  CustomerRestored: { customerId, restoredAt: '2026-03-08T09:00:00.000Z' },
  CustomerImportStarted: {
    importId: 'imp-1', fileName: 'leads.csv', fileSha256: 'a3f5c0d2e1b4978615f0e2d3c4b5a6978877665544332211ffeeddccbbaa0099', rowCount: 4, startedAt: at,
  },
  CustomerImportBatchProcessed: {
    importId: 'imp-1', firstRow: 1, lastRow: 4,
    imported: [{ row: 1, customerId: 'cust-row-1' }],
    duplicates: [{ row: 2, duplicateOf: { row: 1 }, reason: 'email' }, { row: 3, duplicateOf: { customerId: 'cust-old' }, reason: 'phone' }],
    rejected: [{ row: 4, errors: [{ field: 'name', message: 'is required' }, { field: 'emails', message: '"x@" needs a domain' }] }],
    processedAt: at,
  },
  CustomerImportCompleted: { importId: 'imp-1', imported: 1, duplicates: 2, rejected: 1, completedAt: at },
  SegmentPolicySet: { windowDays: 365, currency: 'EUR', highAverageOrderValue: eur(1000), highPurchaseCount: 4, setAt: at },
};
