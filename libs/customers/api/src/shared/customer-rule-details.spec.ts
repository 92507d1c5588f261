import type { Decider, DomainEvent } from '@meridian/platform/eventsourcing';
import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import { toProblem } from '@meridian/platform/nest';
import type { CustomerCommand, CustomerImportCommand } from '@meridian/customers/domain';
import { CustomerRuleCodes, customerDecider, customerImportDecider, defaultSegmentPolicy, segmentPolicyDecider } from '@meridian/customers/domain';
import {
  archived, batchProcessed, contactAdded, customerId, eur, importId, importStarted, mergedInto, registerCustomer, registered, setSegmentPolicy, startImport,
} from '@meridian/customers/domain/testing';
import { likelyDuplicateCode } from '../register-customer/register-customer.controller';

// The shared problem mapping spreads a violation's details into the problem+json
// body, under the standard members: a detail named like one (a `status`, say)
// would be silently lost. One way to break each of the context's rules, and
// each violation rendered as clients will see it.
const problemMembers = ['type', 'title', 'status', 'detail', 'code', 'instance', 'errors'];
const at = '2026-03-10T09:00:00.000Z';

type Breach = Readonly<{ decider: Decider<never, DomainEvent, unknown>; history: readonly DomainEvent[]; command: unknown }>;
const asBreach = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: readonly E[], command: C): Breach =>
  ({ decider, history, command }) as unknown as Breach;
const customer = (history: readonly DomainEvent[], command: CustomerCommand) => asBreach(customerDecider, history as never, command);
const importJob = (history: readonly DomainEvent[], command: CustomerImportCommand) => asBreach(customerImportDecider, history as never, command);
const register = (data: Partial<CustomerCommand['data']>): CustomerCommand => ({ ...registerCustomer, data: { ...registerCustomer.data, ...data } }) as CustomerCommand;
const batch = (firstRow: number, lastRow: number, rows: readonly number[]): CustomerImportCommand => ({
  type: 'RecordImportBatch',
  data: { importId, firstRow, lastRow, imported: rows.map((row) => ({ row, customerId: `c-${row}` })), duplicates: [], rejected: [], processedAt: at },
});
const completed = { type: 'CustomerImportCompleted', data: { importId, imported: 5, duplicates: 0, rejected: 0, completedAt: at } } as const;

const breaches: readonly Breach[] = [
  customer([], { type: 'TagCustomer', data: { customerId, tag: 'vip', taggedAt: at } }),
  customer([registered], register({ name: 'Someone else' })),
  customer([registered, mergedInto('cust-survivor')], { type: 'TagCustomer', data: { customerId, tag: 'vip', taggedAt: at } }),
  customer([registered, mergedInto('cust-survivor')], { type: 'MarkMergedInto', data: { customerId, survivorId: 'cust-other', mergedAt: at } }),
  customer([registered], { type: 'MergeCustomer', data: { customerId, mergedCustomerId: customerId, mergedAt: at } }),
  customer([registered], { type: 'UnmergeCustomer', data: { customerId, unmergedCustomerId: 'cust-other', unmergedAt: at } }),
  customer([registered], { type: 'RevertMerge', data: { customerId, formerSurvivorId: 'cust-other', revertedAt: at } }),
  customer([], register({ emails: ['no-at-sign'] })),
  customer([], register({ phones: ['12'] })),
  customer([], register({ name: ' ' })),
  customer([], register({ kind: 'robot' as never })),
  customer([registered], { type: 'RecordConsent', data: { customerId, purpose: 'profiling', granted: 'yes' as never, source: 'call', recordedAt: at } }),
  customer([registered], { type: 'ReevaluateValueSegment', data: { customerId, policy: defaultSegmentPolicy, asOf: 'yesterday' } }),
  customer([registered], {
    type: 'RecordOrderValue',
    data: { customerId, orderId: 'ord-1', netValue: eur(-1), purchasedAt: at, orderRevision: 1, recordedAt: at, policy: defaultSegmentPolicy, asOf: at },
  }),
  customer([registered], { type: 'RemoveContact', data: { customerId, contactId: 'ghost', removedAt: at } }),
  customer([registered, contactAdded('jane')], { type: 'AddContact', data: { customerId, contactId: 'jane', name: 'Other', emails: [], phones: [], addedAt: at } }),
  customer([registered, archived()], { type: 'TagCustomer', data: { customerId, tag: 'vip', taggedAt: at } }),
  customer([registered, archived()], { type: 'ArchiveCustomer', data: { customerId, archivedAt: at } }),
  customer([registered], { type: 'RestoreCustomer', data: { customerId, restoredAt: at } }),
  asBreach(segmentPolicyDecider, [], setSegmentPolicy({ windowDays: 0 })),
  importJob([importStarted()], { ...startImport(), data: { ...startImport().data, fileSha256: 'b'.repeat(64) } }),
  importJob([], { ...startImport(), data: { ...startImport().data, fileSha256: 'not-a-hash' } }),
  importJob([importStarted(), batchProcessed(1, 5), completed], batch(9, 9, [9])),
  importJob([importStarted()], batch(3, 3, [3])),
  importJob([importStarted()], batch(1, 2, [1])),
  importJob([importStarted()], { type: 'CompleteCustomerImport', data: { importId, completedAt: at } }),
];

const violationOf = ({ decider, history, command }: Breach): BusinessRuleViolation => {
  try {
    decider.decide(command as never, history.reduce(decider.evolve, decider.initialState));
  } catch (error) {
    if (error instanceof BusinessRuleViolation) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(command)} was not refused`);
};

describe('customers rule violations as problem details', () => {
  const violations = [
    ...breaches.map(violationOf),
    new BusinessRuleViolation(likelyDuplicateCode, 'shares an email', { duplicates: [{ customerId: 'c-1', strength: 'strong' }] }),
  ];

  it('cover every rule code of the context, and the API’s own', () => {
    expect(new Set(violations.map((violation) => violation.code))).toEqual(new Set([...Object.values(CustomerRuleCodes), likelyDuplicateCode]));
  });

  it('never name a detail like a problem+json member', () => {
    for (const { code, details } of violations) {
      expect({ code, clashes: Object.keys(details).filter((key) => problemMembers.includes(key)) }).toEqual({ code, clashes: [] });
    }
  });

  it('reach the client whole: 404 for not-found, 409 with the code and every detail otherwise', () => {
    for (const violation of violations) {
      const expected = violation.code === 'not-found' ? { status: 404, code: 'not-found' } : { status: 409, code: violation.code, ...violation.details };
      expect(toProblem(violation)).toMatchObject(expected);
    }
  });
});
