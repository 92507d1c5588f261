import type { DuplicateCandidate, CustomerProfileRevised, CustomerRegistered } from '@meridian/customers/domain';
import { categoryOf, idOf } from '@meridian/platform/eventsourcing';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { foldCompanyName, foldToAscii } from '@meridian/customers/domain';
import type { CustomerDirectory } from '../job/customer-directory';

type Entry = { tenantId: string; candidate: DuplicateCandidate };

/**
 * A fake of the read side's CustomerDirectory for tests and demos: it folds
 * customer registrations and profile revisions straight from the event store's
 * global feed (catching up on every call), and returns the tenant's customers
 * sharing an email or a phone with the probe, or with the same first two words of
 * the folded company name in the same region. Unlike the real read side it is
 * never behind, which makes reports exactly predictable.
 */
export class EventStoreCustomerDirectory implements CustomerDirectory {
  private position = 0;
  private catchingUp: Promise<void> | undefined;
  private readonly customers = new Map<string, Entry>();
  private readonly index = new Map<string, Set<string>>();
  /** How many lookups were served (tests assert the importer consulted it). */
  lookups = 0;

  constructor(private readonly store: EventStore) {}

  /** Reads the event store itself: always current. */
  readonly caughtUpWith: CustomerDirectory['caughtUpWith'] = async () => undefined;

  readonly duplicateCandidates: CustomerDirectory['duplicateCandidates'] = async (tenantId, probe) => {
    this.lookups++;
    await this.catchUp();
    const keys = [
      ...probe.emails.map((email) => `email:${email}`),
      ...probe.phones.map((phone) => `phone:${phone}`),
      this.nameKey(probe.name, probe.region),
    ];
    const ids = new Set(keys.flatMap((key) => [...(this.index.get(`${tenantId}|${key}`) ?? [])]));
    return [...ids].map((id) => this.customers.get(id)).flatMap((entry) => (entry && entry.tenantId === tenantId ? [entry.candidate] : []));
  };

  /** Serialised: concurrent lookups wait for the one read of the feed in progress. */
  private catchUp(): Promise<void> {
    this.catchingUp ??= this.readFeed().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async readFeed(): Promise<void> {
    for (;;) {
      const events = await this.store.readAll({ after: this.position, maxCount: 1_000 });
      for (const event of events) {
        this.position = event.globalPosition;
        if (categoryOf(event.streamId) !== 'customer') continue;
        if (event.type === 'CustomerRegistered') {
          const { kind, name, region, emails, phones } = event.data as CustomerRegistered['data'];
          this.put(idOf(event.streamId), event.metadata.tenantId, { kind, name, region, emails, phones });
        } else if (event.type === 'CustomerProfileRevised') {
          const known = this.customers.get(idOf(event.streamId));
          const { name, region, emails, phones } = event.data as CustomerProfileRevised['data'];
          if (known) this.put(idOf(event.streamId), known.tenantId, { kind: known.candidate.kind, name, region, emails, phones });
        }
      }
      if (events.length < 1_000) return;
    }
  }

  private put(customerId: string, tenantId: string, profile: Omit<DuplicateCandidate, 'customerId'>): void {
    // Old index entries are left behind: lookups may over-return, which the port allows.
    this.customers.set(customerId, { tenantId, candidate: { customerId, ...profile } });
    const keys = [...profile.emails.map((email) => `email:${email}`), ...profile.phones.map((phone) => `phone:${phone}`), this.nameKey(profile.name, profile.region)];
    for (const key of keys) {
      const ids = this.index.get(`${tenantId}|${key}`) ?? new Set<string>();
      ids.add(customerId);
      this.index.set(`${tenantId}|${key}`, ids);
    }
  }

  private nameKey(name: string, region: string): string {
    return `name:${foldToAscii(region).trim()}:${foldCompanyName(name).split(' ').slice(0, 2).join(' ')}`;
  }
}
