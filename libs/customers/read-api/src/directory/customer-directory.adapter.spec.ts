import { findLikelyDuplicates } from '@meridian/customers/domain';
import { eventHistory, registered } from '../testing/consumed-events';
import { projectedReadModels } from '../testing/memory-read-models';
import { customerDirectoryOver } from './customer-directory.adapter';

const probe = { name: 'ACME Analytics', region: 'emea', emails: ['sales@acme.example'], phones: ['+49301234567'] };

const scenario = () => {
  const acme = eventHistory('acme');
  const globex = eventHistory('globex');
  return [
    acme.customer('same-email', 'CustomerRegistered', registered('Acme Analytics GmbH', { emails: ['sales@acme.example'] })),
    acme.customer('similar-name', 'CustomerRegistered', registered('Acme Analytic Ltd', { emails: ['hi@acme-analytic.example'] })),
    acme.customer('other-region', 'CustomerRegistered', registered('Acme Analytics', { region: 'na' })),
    acme.customer('via-contact', 'CustomerRegistered', registered('Zeta Holdings')),
    acme.customer('via-contact', 'ContactAdded', { contactId: 'k1', name: 'Kim', emails: ['kim@zeta.example'], phones: ['+49301234567'], addedAt: '2026-01-06T09:00:00Z' }),
    acme.customer('unrelated', 'CustomerRegistered', registered('Initech', { emails: ['bill@initech.example'] })),
    acme.customer('merged-away', 'CustomerRegistered', registered('Acme Old', { emails: ['sales@acme.example'] })),
    acme.customer('merged-away', 'CustomerMergedInto', { survivorId: 'same-email', mergedAt: '2026-01-07T09:00:00Z' }),
    acme.customer('archived', 'CustomerRegistered', registered('Acme Analytix', { region: 'na', emails: ['ops@acme.example'] })),
    acme.customer('archived', 'CustomerArchived', { reason: 'dormant', archivedAt: '2026-01-08T09:00:00Z' }),
    globex.customer('other-tenant', 'CustomerRegistered', registered('Acme Analytics', { emails: ['sales@acme.example'] })),
  ];
};

const candidatesOf = async (query = probe) => {
  const { readModels } = await projectedReadModels(scenario());
  return customerDirectoryOver(readModels).duplicateCandidates('acme', query);
};

describe('customerDirectoryOver (the duplicate check’s port over the customer list)', () => {
  it('offers the active customers of the tenant sharing an email or phone (contacts too), or starting like the name in the region', async () => {
    const ids = (await candidatesOf()).map((candidate) => candidate.customerId).sort();
    expect(ids).toEqual(['same-email', 'similar-name', 'via-contact']);
  });

  it('offers archived customers too, by contact point and by name: a match should be restored, not registered again (registration and import alike)', async () => {
    const byEmail = await candidatesOf({ name: 'Quux', region: 'emea', emails: ['ops@acme.example'], phones: [] });
    expect(byEmail.map((candidate) => candidate.customerId)).toEqual(['archived']);
    const byName = await candidatesOf({ name: 'Acme Analytix', region: 'na', emails: [], phones: [] });
    expect(byName.map((candidate) => candidate.customerId).sort()).toEqual(['archived', 'other-region']);
  });

  it('maps rows to the domain’s candidate shape, counting contacts’ emails and phones as the customer’s', async () => {
    const viaContact = (await candidatesOf()).find((candidate) => candidate.customerId === 'via-contact');
    expect(viaContact).toEqual({ customerId: 'via-contact', kind: 'company', name: 'Zeta Holdings', region: 'emea', emails: ['kim@zeta.example'], phones: ['+49301234567'] });
  });

  it('is what findLikelyDuplicates needs: strong by contact point, likely by a similar name', async () => {
    const matches = findLikelyDuplicates({ kind: 'company', ...probe }, await candidatesOf());
    expect(matches.map(({ customerId, strength, reasons }) => [customerId, strength, reasons])).toEqual([
      ['same-email', 'strong', ['email', 'similar-name']],
      ['via-contact', 'strong', ['phone']],
      ['similar-name', 'likely', ['similar-name']],
    ]);
  });

  it('finds nothing by name for a name with nothing to fold, and nothing without contact points', async () => {
    expect(await candidatesOf({ name: '***', region: 'emea', emails: [], phones: [] })).toEqual([]);
  });
});
