import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { AddContact, RecordInteraction, ReviseContact } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { contactAdded, customerId, registered } from './testing/customer.fixtures';

const spec = DeciderSpecification.for(customerDecider);
const at = '2026-04-01T08:00:00.000Z';

const addContact = (data: Partial<AddContact['data']> = {}): AddContact => ({
  type: 'AddContact',
  data: { customerId, contactId: 'ct-1', name: 'Jane Doe', title: 'CFO', emails: ['jane@acme.example'], phones: [], addedAt: at, ...data },
});
const reviseContact = (data: Partial<ReviseContact['data']> = {}): ReviseContact => ({
  type: 'ReviseContact',
  data: { customerId, contactId: 'ct-1', name: 'Jane Doe', title: 'CFO', emails: ['jane@acme.example'], phones: [], revisedAt: at, ...data },
});
const removeContact = (contactId = 'ct-1') => ({ type: 'RemoveContact', data: { customerId, contactId, removedAt: at } }) as const;
const removed = (contactId = 'ct-1'): CustomerEvent => ({ type: 'ContactRemoved', data: { customerId, contactId, removedAt: at } });

describe('AddContact', () => {
  it('adds a contact with normalised emails and phones', () => {
    const command = addContact({ name: ' Jane Doe ', emails: ['Jane@ACME.example'], phones: ['030 1234567'], defaultCountryCode: '+49' });
    spec.given([registered]).when(command).then([
      { type: 'ContactAdded', data: { customerId, contactId: 'ct-1', name: 'Jane Doe', title: 'CFO', emails: ['jane@acme.example'], phones: ['+49301234567'], addedAt: at } },
    ]);
  });

  it('leaves out a blank title', () => {
    const [event] = customerDecider.decide(addContact({ title: ' ' }), customerDecider.evolve(customerDecider.initialState, registered));
    expect(event.data).not.toHaveProperty('title');
  });

  it('appends nothing when the same contact is added again', () => {
    spec.given([registered, { ...contactAdded('ct-1'), data: { ...contactAdded('ct-1').data, addedAt: '2026-01-01T00:00:00.000Z' } }])
      .when(addContact({ addedAt: at }))
      .thenNothingHappens();
  });

  it('refuses other details under a current contact id: that is a revision', () => {
    spec.given([registered, contactAdded('ct-1')]).when(addContact({ name: 'John Doe' })).thenRejects(Codes.contactAlreadyExists);
  });

  it('adds a removed contact id again', () => {
    spec.given([registered, contactAdded('ct-1'), removed()]).when(addContact({ name: 'Jane Roe' })).then([
      { type: 'ContactAdded', data: { customerId, contactId: 'ct-1', name: 'Jane Roe', title: 'CFO', emails: ['jane@acme.example'], phones: [], addedAt: at } },
    ]);
  });

  it('refuses a blank name or contact id, and invalid contact points', () => {
    spec.given([registered]).when(addContact({ name: '' })).thenRejects(Codes.blankField);
    spec.given([registered]).when(addContact({ contactId: ' ' })).thenRejects(Codes.blankField);
    spec.given([registered]).when(addContact({ emails: ['jane@'] })).thenRejects(Codes.invalidEmail);
    spec.given([registered]).when(addContact({ phones: ['12'] })).thenRejects(Codes.invalidPhone);
  });
});

describe('ReviseContact', () => {
  it('records the whole new details of a current contact', () => {
    spec.given([registered, contactAdded('ct-1')]).when(reviseContact({ title: undefined, phones: ['+1 555 010 0001'] })).then([
      { type: 'ContactRevised', data: { customerId, contactId: 'ct-1', name: 'Jane Doe', emails: ['jane@acme.example'], phones: ['+15550100001'], revisedAt: at } },
    ]);
  });

  it('appends nothing for details the contact already has', () => {
    spec.given([registered, contactAdded('ct-1')]).when(reviseContact({ emails: ['JANE@acme.example '] })).thenNothingHappens();
  });

  it('refuses a contact that does not exist or was removed', () => {
    spec.given([registered]).when(reviseContact()).thenRejects(Codes.contactNotFound);
    spec.given([registered, contactAdded('ct-1'), removed()]).when(reviseContact()).thenRejects(Codes.contactNotFound);
  });
});

describe('RemoveContact', () => {
  it('removes a current contact', () => {
    spec.given([registered, contactAdded('ct-1')]).when(removeContact()).then([removed()]);
  });

  it('appends nothing for a contact already removed', () => {
    spec.given([registered, contactAdded('ct-1'), removed()]).when(removeContact()).thenNothingHappens();
  });

  it('refuses a contact id the customer never had (likely a wrong id)', () => {
    spec.given([registered, contactAdded('ct-1')]).when(removeContact('ct-9')).thenRejects(Codes.contactNotFound);
  });
});

describe('RecordInteraction', () => {
  const record = (data: Partial<RecordInteraction['data']> = {}): RecordInteraction => ({
    type: 'RecordInteraction',
    data: { customerId, interactionId: 'int-1', kind: 'meeting', occurredAt: '2026-03-30T14:00:00+02:00', summary: 'Pricing review', recordedAt: at, ...data },
  });
  const recorded = (data: Partial<RecordInteraction['data']> = {}): CustomerEvent => ({ type: 'InteractionRecorded', data: record(data).data });

  it('records an interaction, with a current contact when given', () => {
    spec.given([registered]).when(record()).then([recorded()]);
    spec.given([registered, contactAdded('ct-1')]).when(record({ contactId: 'ct-1' })).then([recorded({ contactId: 'ct-1' })]);
  });

  it('trims the summary and leaves out a blank contact id', () => {
    const [event] = customerDecider.decide(record({ summary: ' Call back ', contactId: ' ' }), customerDecider.evolve(customerDecider.initialState, registered));
    expect(event.data).toEqual({ ...record().data, summary: 'Call back' });
  });

  it('appends nothing for an interaction id already recorded, whatever its content, even after its contact left', () => {
    spec.given([registered, recorded()]).when(record({ summary: 'Edited' })).thenNothingHappens();
    spec.given([registered, contactAdded('ct-1'), recorded({ contactId: 'ct-1' }), removed()]).when(record({ contactId: 'ct-1' })).thenNothingHappens();
  });

  it('refuses a contact the customer does not have now', () => {
    spec.given([registered]).when(record({ contactId: 'ct-1' })).thenRejects(Codes.contactNotFound);
    spec.given([registered, contactAdded('ct-1'), removed()]).when(record({ contactId: 'ct-1' })).thenRejects(Codes.contactNotFound);
  });

  it('refuses a blank summary or interaction id, and an unknown kind', () => {
    spec.given([registered]).when(record({ summary: '\n' })).thenRejects(Codes.blankField);
    spec.given([registered]).when(record({ interactionId: '' })).thenRejects(Codes.blankField);
    spec.given([registered]).when(record({ kind: 'note' as 'call' })).thenRejects(Codes.invalidField);
  });

  it('refuses an occurredAt that is not an instant with an offset, which the contract could not publish', () => {
    for (const occurredAt of ['yesterday', '2026-03-01', '2026-03-01T09:00:00']) {
      spec.given([registered]).when(record({ occurredAt })).thenRejects(Codes.invalidField);
    }
  });
});
