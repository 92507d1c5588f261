import { esdbTestTarget } from './esdb-test-server';

describe('where the integration spec finds EventStoreDB', () => {
  it('prefers the dedicated ESDB_TEST_URL over EVENTSTORE_URL', () => {
    expect(esdbTestTarget({ ESDB_TEST_URL: ' kurrentdb://t:2113?tls=false ', EVENTSTORE_URL: 'esdb://app:2113' })).toEqual({
      kind: 'url',
      url: 'kurrentdb://t:2113?tls=false',
      source: 'ESDB_TEST_URL',
    });
  });

  it('uses EVENTSTORE_URL when it names EventStoreDB', () => {
    expect(esdbTestTarget({ EVENTSTORE_URL: 'esdb+discover://cluster:2113' })).toEqual({
      kind: 'url',
      url: 'esdb+discover://cluster:2113',
      source: 'EVENTSTORE_URL',
    });
  });

  it('ignores an EVENTSTORE_URL for another store, falling back to Docker or nothing', () => {
    expect(esdbTestTarget({ EVENTSTORE_URL: 'postgres://u:p@h/db' }).kind).not.toBe('url');
  });

  it('refuses an ESDB_TEST_URL that is not EventStoreDB, without echoing it', () => {
    expect(() => esdbTestTarget({ ESDB_TEST_URL: 'postgres://u:secret@h/db' })).toThrow(/^ESDB_TEST_URL must be an esdb:\/\//);
  });
});
