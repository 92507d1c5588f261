import { customerDecider } from '@meridian/customers/domain';
import { addContactCommand, duplicateCandidateOf, registerCustomerCommand, reviseContactCommand, reviseCustomerProfileCommand } from './profile-commands.mapping';

const now = '2026-03-10T09:00:00.000Z';
const minimal = { kind: 'company', name: 'ACME', region: 'dach', sourceChannel: 'web', ownerId: 'rep-ana' } as const;

describe('request bodies to customer commands', () => {
  it('leaves out what the client left out, with no undefined members and empty contact points', () => {
    const command = registerCustomerCommand('cust-1', minimal, now);
    expect(command).toEqual({
      type: 'RegisterCustomer',
      data: { customerId: 'cust-1', kind: 'company', name: 'ACME', region: 'dach', emails: [], phones: [], sourceChannel: 'web', ownerId: 'rep-ana', registeredAt: now },
    });
    expect(Object.values(command.data)).not.toContain(undefined);
  });

  it('passes contact points as typed, with the default country code, so the decider normalises them', () => {
    const body = { ...minimal, industry: 'software', size: '11-50', emails: [' Ann@X.example '], phones: ['030 1234567'], defaultCountryCode: '+49' } as const;
    const command = registerCustomerCommand('cust-1', body, now);
    expect(command.data).toMatchObject({ industry: 'software', size: '11-50', emails: [' Ann@X.example '], phones: ['030 1234567'], defaultCountryCode: '+49' });
    const [registered] = customerDecider.decide(command, customerDecider.initialState);
    expect(registered.data).toMatchObject({ emails: ['ann@x.example'], phones: ['+49301234567'] });
  });

  it('maps profile revisions and contacts with their ids and times', () => {
    expect(reviseCustomerProfileCommand('cust-1', { name: 'ACME', region: 'dach', emails: [], phones: [] }, now)).toEqual({
      type: 'ReviseCustomerProfile',
      data: { customerId: 'cust-1', name: 'ACME', region: 'dach', emails: [], phones: [], revisedAt: now },
    });
    expect(addContactCommand('cust-1', 'jane', { name: 'Jane', title: 'CFO' }, now)).toEqual({
      type: 'AddContact',
      data: { customerId: 'cust-1', contactId: 'jane', name: 'Jane', title: 'CFO', emails: [], phones: [], addedAt: now },
    });
    expect(reviseContactCommand('cust-1', 'jane', { name: 'Jane', emails: ['j@x.example'], phones: [], defaultCountryCode: '+44' }, now).data).toEqual({
      customerId: 'cust-1', contactId: 'jane', name: 'Jane', emails: ['j@x.example'], phones: [], defaultCountryCode: '+44', revisedAt: now,
    });
  });

  it('probes for duplicates with the contact points the decider will record: normalised and de-duplicated', () => {
    const body = { ...minimal, name: ' ACME GmbH ', region: ' dach ', emails: ['J.Doe+crm@gmail.com', 'jdoe@gmail.com'], phones: ['(555) 010-4477', '+1 555 010 4477'] };
    expect(duplicateCandidateOf('cust-1', body)).toEqual({
      customerId: 'cust-1', kind: 'company', name: 'ACME GmbH', region: 'dach', emails: ['jdoe@gmail.com'], phones: ['+15550104477'],
    });
  });
});
