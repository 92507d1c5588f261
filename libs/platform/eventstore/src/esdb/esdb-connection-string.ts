/**
 * Schemes that name EventStoreDB/KurrentDB. `esdb` is what our configuration examples and older
 * deployments use; the KurrentDB client still accepts it but logs a deprecation
 * warning on every connect, so it is rewritten to `kurrentdb` (same grammar).
 */
const schemes: Readonly<Record<string, string>> = {
  'esdb:': 'kurrentdb:',
  'esdb+discover:': 'kurrentdb+discover:',
  'kurrentdb:': 'kurrentdb:',
  'kurrentdb+discover:': 'kurrentdb+discover:',
  'kurrent:': 'kurrent:',
  'kurrent+discover:': 'kurrent+discover:',
};

/** Only the scheme is ever echoed in errors: the rest of the URL may hold a password. */
const schemeOf = (url: string): string => /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase() ?? '(none)';

export const isEsdbUrl = (url: string): boolean => schemeOf(url.trim()) in schemes;

/** The connection string the KurrentDB client gets for an `esdb://…`/`kurrentdb://…` URL (query options kept as given). */
export const toClientConnectionString = (url: string): string => {
  const trimmed = url.trim();
  const scheme = schemeOf(trimmed);
  const clientScheme = schemes[scheme];
  if (clientScheme === undefined) {
    throw new Error(
      `Event store URL scheme "${scheme}" is not EventStoreDB's; expected esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://`,
    );
  }
  if (!trimmed.slice(scheme.length).startsWith('//') || trimmed.length <= scheme.length + 2) {
    throw new Error(`Event store URL with scheme "${scheme}" names no host; expected ${scheme}//host:2113?tls=false or similar`);
  }
  return clientScheme + trimmed.slice(scheme.length);
};
