import { isEsdbUrl, toClientConnectionString } from './esdb-connection-string';

describe('EventStoreDB connection string', () => {
  it.each([
    ['esdb://localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false'],
    ['ESDB://admin:changeit@a:2113,b:2113?nodePreference=leader', 'kurrentdb://admin:changeit@a:2113,b:2113?nodePreference=leader'],
    ['esdb+discover://cluster.example:2113', 'kurrentdb+discover://cluster.example:2113'],
    ['kurrentdb://localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false'],
    ['  kurrentdb+discover://c:2113  ', 'kurrentdb+discover://c:2113'],
  ])('accepts %s and hands the client %s', (url, expected) => {
    expect(isEsdbUrl(url)).toBe(true);
    expect(toClientConnectionString(url)).toBe(expected);
  });

  it.each(['postgres://u:secret@h/db', 'embedded:/tmp/x', 'memory:', 'localhost:2113', ''])('refuses %j', (url) => {
    expect(isEsdbUrl(url)).toBe(false);
    expect(() => toClientConnectionString(url)).toThrow(/not EventStoreDB's/);
  });

  it('never echoes credentials in its errors', () => {
    expect(() => toClientConnectionString('postgres://user:hunter2@h/db')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });

  it('refuses a URL without a host', () => {
    expect(() => toClientConnectionString('esdb:')).toThrow(/names no host/);
    expect(() => toClientConnectionString('kurrentdb://')).toThrow(/names no host/);
  });
});
