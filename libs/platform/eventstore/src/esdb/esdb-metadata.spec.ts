import type { EventMetadata } from '@meridian/platform/eventsourcing';
import { decodeMetadata, encodeMetadata } from './esdb-metadata';

const full: EventMetadata = {
  tenantId: 'tenant-ü',
  actorId: 'user "quoted" \\ back',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  schemaVersion: 3,
  occurredAt: '2026-03-04T05:06:07.089Z',
  idempotencyKey: 'key-🔑',
  requestHash: 'sha256:abc',
};
const minimal: EventMetadata = {
  tenantId: 't',
  actorId: 'a',
  correlationId: 'c',
  causationId: 'k',
  schemaVersion: 1,
  occurredAt: '2026-01-02T03:04:05.000Z',
};
const batch = { id: '5f0c6c9e-0000-4000-8000-000000000001', size: 2 };

/** What the server hands back: the encoded object after a JSON round trip. */
const stored = (metadata: EventMetadata) => JSON.parse(JSON.stringify(encodeMetadata(metadata, batch))) as unknown;

describe('event metadata in EventStoreDB', () => {
  it.each([
    ['every field', full],
    ['only the required fields', minimal],
  ])('round-trips %s exactly, with the batch stamp', (_, metadata) => {
    const decoded = decodeMetadata(stored(metadata), 'e1');

    expect(decoded.metadata).toStrictEqual(metadata);
    expect(decoded.batch).toEqual(batch);
  });

  it("also stores correlation and causation under EventStoreDB's own names", () => {
    expect(encodeMetadata(full, batch)).toMatchObject({ $correlationId: 'corr-1', $causationId: 'cause-1' });
  });

  it('decodes metadata without a batch stamp (written before stamps, or by hand) with no batch', () => {
    const { meridianAppend: _, ...unstamped } = stored(minimal) as Record<string, unknown>;
    expect(decodeMetadata(unstamped, 'e1')).toEqual({ metadata: minimal, batch: undefined });
    expect(decodeMetadata({ ...unstamped, meridianAppend: { id: 'x', size: 0 } }, 'e1').batch).toBeUndefined();
  });

  it.each([
    ['no metadata at all', undefined],
    ['binary metadata', new Uint8Array([1, 2])],
    ['a JSON array', []],
  ])('refuses %s, naming the event', (_, value) => {
    expect(() => decodeMetadata(value, 'event-9')).toThrow(/event-9.*not a JSON object/);
  });

  it('names every missing or mistyped field', () => {
    const { tenantId: _, ...withoutTenant } = minimal;
    expect(() => decodeMetadata({ ...withoutTenant, schemaVersion: '1', traceparent: 7 }, 'e2')).toThrow(
      /e2: metadata field\(s\) tenantId, schemaVersion, traceparent missing/,
    );
  });
});
