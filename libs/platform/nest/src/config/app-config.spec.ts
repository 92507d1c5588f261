import { ConfigError, defaultEventStoreUrl, loadConfig } from './app-config';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('falls back to the embedded store and port 3000', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, eventStoreUrl: defaultEventStoreUrl, logLevel: 'info', httpMaxInFlight: 256 });
    expect(loadConfig({ HTTP_MAX_IN_FLIGHT: '2' }).httpMaxInFlight).toBe(2);
  });

  it('accepts every supported event store URL', () => {
    for (const url of ['postgres://u:p@localhost:5432/crm', 'postgresql://db/crm', 'embedded:/var/lib/meridian', 'memory:', 'esdb://localhost:2113?tls=false', 'kurrentdb+discover://a,b,c:2113']) {
      expect(loadConfig({ EVENTSTORE_URL: url }).eventStoreUrl).toBe(url);
    }
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT="eighty"'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"'],
    [{ EVENTSTORE_URL: 'mysql://db' }, 'EVENTSTORE_URL="mysql://db"'],
    [{ EVENTSTORE_URL: 'eventstore://localhost:2113' }, 'esdb://host:2113 (EventStoreDB/KurrentDB)'],
    [{ KAFKA_BROKERS: 'localhost:9092,broken' }, 'KAFKA_BROKERS'],
    [{ MONGODB_URL: 'http://mongo' }, 'MONGODB_URL="http://mongo"'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ SHUTDOWN_TIMEOUT_MS: '-1' }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ SHUTDOWN_DRAIN_TIMEOUT_MS: '5s' }, 'SHUTDOWN_DRAIN_TIMEOUT_MS="5s" must be a whole number'],
    [{ SHUTDOWN_DRAIN_TIMEOUT_MS: '10000' }, 'SHUTDOWN_DRAIN_TIMEOUT_MS="10000" must be less than SHUTDOWN_TIMEOUT_MS (unset: 10000)'],
    [{ SHUTDOWN_DRAIN_TIMEOUT_MS: '5000', SHUTDOWN_TIMEOUT_MS: '5000' }, 'SHUTDOWN_DRAIN_TIMEOUT_MS="5000" must be less than SHUTDOWN_TIMEOUT_MS="5000"'],
    [{ SHUTDOWN_DRAIN_TIMEOUT_MS: '7000', SHUTDOWN_TIMEOUT_MS: '5000' }, 'SHUTDOWN_DRAIN_TIMEOUT_MS="7000" must be less than SHUTDOWN_TIMEOUT_MS="5000"'],
    [{ HTTP_MAX_IN_FLIGHT: '0' }, 'HTTP_MAX_IN_FLIGHT="0"'],
    [{ HTTP_MAX_IN_FLIGHT: 'lots' }, 'HTTP_MAX_IN_FLIGHT="lots"'],
    [{ HOST: 'no such host!' }, 'HOST="no such host!"'],
  ])('names the bad setting in %j', (env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('never echoes a password from a bad URL', () => {
    const [message] = problemsOf({ EVENTSTORE_URL: 'postgres:/admin:S3cretPw@db/crm' });
    expect(message).not.toContain('S3cretPw');
    expect(message).toContain('EVENTSTORE_URL');
  });

  it('accepts host names and IPv4 and IPv6 addresses', () => {
    for (const HOST of ['localhost', '127.0.0.1', '::', '::1', 'api.internal.example']) expect(loadConfig({ HOST }).host).toBe(HOST);
  });

  it('reports every bad setting at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
  });

  it('parses Kafka brokers into a list', () => {
    expect(loadConfig({ KAFKA_BROKERS: 'a:9092, b:9093' }).kafkaBrokers).toEqual(['a:9092', 'b:9093']);
  });

  it('bounds the drain by its own setting, inside the shutdown deadline', () => {
    expect(loadConfig({})).toMatchObject({ shutdownDrainTimeoutMs: 7_000, shutdownTimeoutMs: 10_000 });
    expect(loadConfig({ SHUTDOWN_DRAIN_TIMEOUT_MS: '0', SHUTDOWN_TIMEOUT_MS: '1' })).toMatchObject({ shutdownDrainTimeoutMs: 0, shutdownTimeoutMs: 1 });
    expect(loadConfig({ SHUTDOWN_DRAIN_TIMEOUT_MS: '25000', SHUTDOWN_TIMEOUT_MS: '30000' })).toMatchObject({ shutdownDrainTimeoutMs: 25_000 });
    expect(loadConfig({ SHUTDOWN_DRAIN_TIMEOUT_MS: '4999', SHUTDOWN_TIMEOUT_MS: '5000' })).toMatchObject({ shutdownDrainTimeoutMs: 4_999 });
  });

  it('starts with only SHUTDOWN_TIMEOUT_MS set, as before the drain had a setting: the drain is 7 s where that fits, else half the deadline', () => {
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '5000' })).toMatchObject({ shutdownTimeoutMs: 5_000, shutdownDrainTimeoutMs: 2_500 });
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '7000' })).toMatchObject({ shutdownDrainTimeoutMs: 3_500 });
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '7001' })).toMatchObject({ shutdownDrainTimeoutMs: 7_000 });
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '30000' })).toMatchObject({ shutdownDrainTimeoutMs: 7_000 });
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '1' })).toMatchObject({ shutdownDrainTimeoutMs: 0 });
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '0' })).toMatchObject({ shutdownTimeoutMs: 0, shutdownDrainTimeoutMs: 0 });
  });

  it('refuses to start when both are set and the drain is not below the deadline, naming both settings', () => {
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '5000', SHUTDOWN_DRAIN_TIMEOUT_MS: '6000' })).toThrow(ConfigError);
    const [problem] = problemsOf({ SHUTDOWN_TIMEOUT_MS: '5000', SHUTDOWN_DRAIN_TIMEOUT_MS: '6000' });
    expect(problem).toContain('SHUTDOWN_DRAIN_TIMEOUT_MS="6000"');
    expect(problem).toContain('SHUTDOWN_TIMEOUT_MS="5000"');
  });
});
