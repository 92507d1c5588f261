import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { ReviseCustomerProfile } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { customerId, registered, tagged } from './testing/customer.fixtures';

const spec = DeciderSpecification.for(customerDecider);
const at = '2026-04-01T08:00:00.000Z';

describe('ReviseCustomerProfile', () => {
  const revise = (data: Partial<ReviseCustomerProfile['data']> = {}): ReviseCustomerProfile => ({
    type: 'ReviseCustomerProfile',
    data: {
      customerId, name: 'ACME Analytics GmbH', industry: 'software', region: 'dach', size: '51-200',
      emails: ['sales@acme.example', 'jdoe@gmail.com'], phones: ['+15550104477'], revisedAt: at, ...data,
    },
  });

  it('records the whole new profile, normalised', () => {
    const command = revise({ name: ' ACME Analytics ', size: '201-1000', emails: ['Sales@ACME.example'], phones: ['0044 20 7946 0018'] });
    spec.given([registered]).when(command).then([
      {
        type: 'CustomerProfileRevised',
        data: {
          customerId, name: 'ACME Analytics', industry: 'software', region: 'dach', size: '201-1000',
          emails: ['sales@acme.example'], phones: ['+442079460018'], revisedAt: at,
        },
      },
    ]);
  });

  it('appends nothing for the profile the customer already has, however it is typed', () => {
    spec.given([registered]).when(revise()).thenNothingHappens();
    spec.given([registered]).when(revise({ name: '  ACME Analytics GmbH', emails: ['SALES@acme.example', 'j.d.o.e+x@gmail.com'], phones: ['(555) 010-4477'] }))
      .thenNothingHappens();
  });

  it('drops industry and size when they are no longer given', () => {
    spec.given([registered]).when(revise({ industry: '', size: undefined })).then([
      {
        type: 'CustomerProfileRevised',
        data: { customerId, name: 'ACME Analytics GmbH', region: 'dach', emails: ['sales@acme.example', 'jdoe@gmail.com'], phones: ['+15550104477'], revisedAt: at },
      },
    ]);
  });

  it('treats a different order of emails as a change: the first is the primary one', () => {
    const [event] = customerDecider.decide(revise({ emails: ['jdoe@gmail.com', 'sales@acme.example'] }), customerDecider.evolve(customerDecider.initialState, registered));
    expect(event.type).toBe('CustomerProfileRevised');
  });

  it('refuses a blank name or region and invalid contact points', () => {
    spec.given([registered]).when(revise({ name: '' })).thenRejects(Codes.blankField);
    spec.given([registered]).when(revise({ region: ' ' })).thenRejects(Codes.blankField);
    spec.given([registered]).when(revise({ emails: ['nope'] })).thenRejects(Codes.invalidEmail);
    spec.given([registered]).when(revise({ phones: ['+1 555'] })).thenRejects(Codes.invalidPhone);
  });
});

describe('TagCustomer and UntagCustomer', () => {
  const tag = (label: string) => ({ type: 'TagCustomer', data: { customerId, tag: label, taggedAt: at } }) as const;
  const untag = (label: string) => ({ type: 'UntagCustomer', data: { customerId, tag: label, untaggedAt: at } }) as const;

  it('tags with the label trimmed and lower-cased', () => {
    spec.given([registered]).when(tag('  Key Account ')).then([{ type: 'CustomerTagged', data: { customerId, tag: 'key account', taggedAt: at } }]);
  });

  it('appends nothing when the tag is already there, in any case', () => {
    spec.given([registered, tagged('vip')]).when(tag('VIP')).thenNothingHappens();
  });

  it('untags a tag that is there, matched the same way', () => {
    spec.given([registered, tagged('vip')]).when(untag(' Vip')).then([{ type: 'CustomerUntagged', data: { customerId, tag: 'vip', untaggedAt: at } }]);
  });

  it('appends nothing when untagging a tag that is not there', () => {
    spec.given([registered]).when(untag('vip')).thenNothingHappens();
    const untagged: CustomerEvent = { type: 'CustomerUntagged', data: { customerId, tag: 'vip', untaggedAt: at } };
    spec.given([registered, tagged('vip'), untagged]).when(untag('vip')).thenNothingHappens();
  });

  it('refuses a blank tag', () => {
    spec.given([registered]).when(tag('  ')).thenRejects(Codes.blankField);
    spec.given([registered]).when(untag('')).thenRejects(Codes.blankField);
  });
});

describe('AssignCustomerGroups', () => {
  const assign = (groups: string[]) => ({ type: 'AssignCustomerGroups', data: { customerId, groups, assignedAt: at } }) as const;
  const assigned = (groups: string[]): CustomerEvent => ({ type: 'CustomerGroupsAssigned', data: { customerId, groups, assignedAt: at } });

  it('assigns the whole set, trimmed and de-duplicated', () => {
    spec.given([registered]).when(assign([' grp-a', 'grp-b', 'grp-a '])).then([assigned(['grp-a', 'grp-b'])]);
  });

  it('appends nothing for the same set, in any order', () => {
    spec.given([registered, assigned(['grp-a', 'grp-b'])]).when(assign(['grp-b', 'grp-a', 'grp-b'])).thenNothingHappens();
    spec.given([registered]).when(assign([])).thenNothingHappens();
  });

  it('replaces the set, down to none', () => {
    spec.given([registered, assigned(['grp-a'])]).when(assign(['grp-c'])).then([assigned(['grp-c'])]);
    spec.given([registered, assigned(['grp-a'])]).when(assign([])).then([assigned([])]);
  });

  it('refuses a blank group', () => {
    spec.given([registered]).when(assign(['grp-a', ' '])).thenRejects(Codes.blankField);
  });
});

describe('SetIntentLevel', () => {
  const setIntent = (level: 'hot' | 'warm' | 'cold', reason: string) => ({ type: 'SetIntentLevel', data: { customerId, level, reason, setAt: at } }) as const;
  const intentSet = (level: 'hot' | 'warm' | 'cold', reason: string): CustomerEvent => ({ type: 'CustomerIntentLevelSet', data: { customerId, level, reason, setAt: at } });

  it('sets the level with its trimmed reason', () => {
    spec.given([registered]).when(setIntent('hot', ' Asked for a quote ')).then([intentSet('hot', 'Asked for a quote')]);
  });

  it('appends nothing for the same level and reason; another reason is recorded', () => {
    spec.given([registered, intentSet('warm', 'Opened mails')]).when(setIntent('warm', 'Opened mails')).thenNothingHappens();
    spec.given([registered, intentSet('warm', 'Opened mails')]).when(setIntent('warm', 'Visited booth')).then([intentSet('warm', 'Visited booth')]);
    spec.given([registered, intentSet('warm', 'Opened mails')]).when(setIntent('cold', 'Opened mails')).then([intentSet('cold', 'Opened mails')]);
  });

  it('refuses a blank reason or an unknown level', () => {
    spec.given([registered]).when(setIntent('hot', '   ')).thenRejects(Codes.blankField);
    spec.given([registered]).when(setIntent('boiling' as 'hot', 'x')).thenRejects(Codes.invalidField);
  });
});

describe('ChangeCustomerOwner', () => {
  const change = (ownerId: string) => ({ type: 'ChangeCustomerOwner', data: { customerId, ownerId, changedAt: at } }) as const;

  it('records the previous and the new owner', () => {
    spec.given([registered]).when(change(' rep-bo ')).then([
      { type: 'CustomerOwnerChanged', data: { customerId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', changedAt: at } },
    ]);
  });

  it('appends nothing for the current owner, and refuses a blank one', () => {
    spec.given([registered]).when(change('rep-ana')).thenNothingHappens();
    spec.given([registered]).when(change('')).thenRejects(Codes.blankField);
  });
});

describe('RecordConsent', () => {
  const record = (granted: boolean, source = 'web form') =>
    ({ type: 'RecordConsent', data: { customerId, purpose: 'email-marketing', granted, source, recordedAt: at } }) as const;
  const recorded = (granted: boolean): CustomerEvent => ({ type: 'CustomerConsentRecorded', data: { customerId, purpose: 'email-marketing', granted, source: 'web form', recordedAt: at } });

  it('records a grant and a withdrawal', () => {
    spec.given([registered]).when(record(true, ' web form ')).then([recorded(true)]);
    spec.given([registered, recorded(true)]).when(record(false)).then([recorded(false)]);
  });

  it('records a repeated statement too: the consent trail keeps every one', () => {
    spec.given([registered, recorded(true)]).when(record(true)).then([recorded(true)]);
  });

  it('refuses a blank source, an unknown purpose and a granted flag that is not a boolean', () => {
    spec.given([registered]).when(record(true, '')).thenRejects(Codes.blankField);
    const data = record(true).data;
    spec.given([registered]).when({ type: 'RecordConsent', data: { ...data, purpose: 'sms' as 'profiling' } }).thenRejects(Codes.invalidField);
    spec.given([registered]).when({ type: 'RecordConsent', data: { ...data, granted: 'yes' as unknown as boolean } }).thenRejects(Codes.invalidField);
  });
});
