import type { DuplicateCandidate } from '@meridian/customers/domain';
import type { CustomerDirectory } from '../shared/customer-directory.port';
import { CustomerDuplicateCheck, possibleDuplicatesOf } from './customer-duplicates.check';

const candidate: DuplicateCandidate = { customerId: 'new', kind: 'company', name: 'ACME Analytics GmbH', region: 'dach', emails: ['sales@acme.example'], phones: [] };
const existing: DuplicateCandidate[] = [
  { customerId: 'c-name', kind: 'company', name: 'Acme Analytics', region: 'dach', emails: [], phones: [] },
  { customerId: 'c-mail', kind: 'company', name: 'Initech', region: 'uk', emails: ['sales@acme.example'], phones: [] },
  { customerId: 'c-none', kind: 'company', name: 'Globex', region: 'dach', emails: [], phones: [] },
  { customerId: 'new', kind: 'company', name: 'ACME Analytics GmbH', region: 'dach', emails: ['sales@acme.example'], phones: [] },
];
const directoryOf = (duplicateCandidates: CustomerDirectory['duplicateCandidates']): CustomerDirectory => ({ duplicateCandidates, caughtUpWith: async () => undefined });

describe('duplicate check before registration', () => {
  it('names the matches, strong first, and never the new customer itself', () => {
    expect(possibleDuplicatesOf(candidate, existing)).toEqual([
      { customerId: 'c-mail', name: 'Initech', strength: 'strong', reasons: ['email'], nameSimilarity: expect.any(Number) },
      { customerId: 'c-name', name: 'Acme Analytics', strength: 'likely', reasons: ['similar-name'], nameSimilarity: 1 },
    ]);
  });

  it('asks the directory with the probe and judges what it returns', async () => {
    const probes: unknown[] = [];
    const check = new CustomerDuplicateCheck(directoryOf(async (tenantId, probe) => (probes.push([tenantId, probe]), existing)));
    expect(await check.check('acme', candidate)).toMatchObject({ status: 'completed', duplicates: [{ customerId: 'c-mail' }, { customerId: 'c-name' }] });
    expect(probes).toEqual([['acme', { name: 'ACME Analytics GmbH', region: 'dach', emails: ['sales@acme.example'], phones: [] }]]);
  });

  it('is unavailable without a directory, or when the directory fails', async () => {
    expect(await new CustomerDuplicateCheck().check('acme', candidate)).toEqual({ status: 'unavailable' });
    const failing = new CustomerDuplicateCheck(directoryOf(() => Promise.reject(new Error('mongo down'))));
    jest.spyOn(failing['logger'], 'warn').mockImplementation(() => undefined);
    expect(await failing.check('acme', candidate)).toEqual({ status: 'unavailable' });
  });
});
