import { ProjectionsConfigError, loadProjectionsConfig } from './projections.config';

const valid = { KAFKA_BROKERS: 'localhost:9092', MONGODB_URL: 'mongodb://localhost:27017/meridian' };

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadProjectionsConfig(env);
  } catch (error) {
    if (error instanceof ProjectionsConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ProjectionsConfigError');
};

describe('projections configuration', () => {
  it('applies the documented defaults', () => {
    expect(loadProjectionsConfig(valid)).toEqual({
      kafkaBrokers: ['localhost:9092'],
      mongodbUrl: valid.MONGODB_URL,
      eventStoreUrl: 'embedded:.meridian-data/events',
      topicPrefix: '',
      readModels: ['opportunity-list', 'sales-funnel', 'customer-list', 'customer-activity', 'order-list'],
      topics: { partitions: 6, replicationFactor: 1, retentionMs: 2_592_000_000, deadLetterRetentionMs: 7_776_000_000, setupTimeoutMs: 30_000 },
      breaker: { timeoutMs: 5_000, resetTimeoutMs: 2_000, volumeThreshold: 3, errorThresholdPercentage: 50 },
      followIntervalMs: 2_000,
      sessionTimeoutMs: 30_000,
      clientId: 'meridian-projections',
      logLevel: 'info',
      httpPort: 9465,
      lagIntervalMs: 5_000,
      rebuildDocumentsInMemory: 100_000,
      batchMessages: 2_000,
      partitionsConcurrently: 2,
    });
  });

  it('reads every override', () => {
    const config = loadProjectionsConfig({
      KAFKA_BROKERS: 'k1:9092, k2:9093', MONGODB_URL: ' mongodb+srv://u:p@cluster.example.net/crm ', EVENTSTORE_URL: 'postgres://db/meridian',
      KAFKA_TOPIC_PREFIX: 'staging.', PROJECTIONS_READ_MODELS: 'sales-funnel', KAFKA_TOPIC_PARTITIONS: '12',
      PROJECTIONS_STORE_TIMEOUT_MS: '800', PROJECTIONS_BREAKER_RESET_MS: '900', PROJECTIONS_FOLLOW_INTERVAL_MS: '500',
      PROJECTIONS_SESSION_TIMEOUT_MS: '6000', KAFKA_CLIENT_ID: 'projections-eu', LOG_LEVEL: 'DEBUG',
      PROJECTIONS_HTTP_PORT: '0', PROJECTIONS_LAG_INTERVAL_MS: '1000', PROJECTIONS_REBUILD_DOCUMENTS_IN_MEMORY: '5000',
    });
    expect(config).toMatchObject({
      kafkaBrokers: ['k1:9092', 'k2:9093'], mongodbUrl: 'mongodb+srv://u:p@cluster.example.net/crm', eventStoreUrl: 'postgres://db/meridian',
      topicPrefix: 'staging.', readModels: ['sales-funnel'], topics: { partitions: 12 },
      breaker: { timeoutMs: 800, resetTimeoutMs: 900, volumeThreshold: 3, errorThresholdPercentage: 50 },
      followIntervalMs: 500, sessionTimeoutMs: 6_000, clientId: 'projections-eu', logLevel: 'debug', httpPort: 0, lagIntervalMs: 1_000,
      rebuildDocumentsInMemory: 5_000,
    });
  });

  it('refuses an HTTP port outside 0–65535 and a lag interval below 100 ms', () => {
    expect(problemsOf({ ...valid, PROJECTIONS_HTTP_PORT: '65536', PROJECTIONS_LAG_INTERVAL_MS: '10' })).toEqual([
      expect.stringMatching(/^PROJECTIONS_HTTP_PORT="65536"/), expect.stringMatching(/^PROJECTIONS_LAG_INTERVAL_MS="10"/),
    ]);
  });

  it('requires KAFKA_BROKERS and MONGODB_URL, naming each', () => {
    expect(problemsOf({ MONGODB_URL: valid.MONGODB_URL })).toEqual([expect.stringMatching(/^KAFKA_BROKERS is required/)]);
    expect(problemsOf({ KAFKA_BROKERS: valid.KAFKA_BROKERS, MONGODB_URL: '  ' })).toEqual([expect.stringMatching(/^MONGODB_URL is required/)]);
  });

  it('refuses a MONGODB_URL of another scheme, without echoing its password', () => {
    const problems = problemsOf({ ...valid, MONGODB_URL: 'postgres://admin:hunter2@db:5432/crm' });
    expect(problems).toEqual(['MONGODB_URL="postgres://admin:***@db:5432/crm" must start with mongodb:// or mongodb+srv://']);
    expect(problemsOf({ ...valid, MONGODB_URL: 'mongodb:///crm' })).toEqual([expect.stringContaining('MONGODB_URL=')]);
  });

  it('reads PROJECTIONS_READ_MODELS once per name, ignoring empty entries', () => {
    expect(loadProjectionsConfig({ ...valid, PROJECTIONS_READ_MODELS: 'sales-funnel,, sales-funnel,' }).readModels).toEqual(['sales-funnel']);
  });

  it('names an unknown read model with the known ones', () => {
    expect(problemsOf({ ...valid, PROJECTIONS_READ_MODELS: 'sales-funnel, opportunity-lists' })).toEqual([
      'PROJECTIONS_READ_MODELS has unknown read models opportunity-lists (known: opportunity-list, sales-funnel, customer-list, customer-activity, order-list)',
    ]);
  });

  it.each(['5999', '1800001', '30s', '-1'])('refuses PROJECTIONS_SESSION_TIMEOUT_MS=%p outside what Kafka accepts', (value) => {
    expect(problemsOf({ ...valid, PROJECTIONS_SESSION_TIMEOUT_MS: value })).toEqual([
      `PROJECTIONS_SESSION_TIMEOUT_MS="${value}" must be a whole number from 6000 to 1800000`,
    ]);
  });

  it('accepts the session timeout bounds', () => {
    expect(loadProjectionsConfig({ ...valid, PROJECTIONS_SESSION_TIMEOUT_MS: '1800000' }).sessionTimeoutMs).toBe(1_800_000);
  });

  it('reports every problem together', () => {
    const problems = problemsOf({
      MONGODB_URL: 'mysql://db/x', PROJECTIONS_READ_MODELS: 'funnel', PROJECTIONS_SESSION_TIMEOUT_MS: '100', PROJECTIONS_STORE_TIMEOUT_MS: '0',
      KAFKA_TOPIC_PREFIX: 'bad prefix', KAFKA_CLIENT_ID: 'has space', LOG_LEVEL: 'loud',
    });
    const named = ['LOG_LEVEL=', 'KAFKA_BROKERS is required', 'MONGODB_URL=', 'KAFKA_TOPIC_PREFIX=', 'PROJECTIONS_READ_MODELS has unknown read models funnel',
      'PROJECTIONS_STORE_TIMEOUT_MS=', 'PROJECTIONS_SESSION_TIMEOUT_MS=', 'KAFKA_CLIENT_ID='];
    expect(problems).toHaveLength(named.length);
    for (const start of named) expect(problems.filter((p) => p.startsWith(start))).toHaveLength(1);
  });

  it('puts every problem in the error message', () => {
    expect(() => loadProjectionsConfig({})).toThrow(/Invalid projections configuration:\n {2}- KAFKA_BROKERS is required.*\n {2}- MONGODB_URL is required/);
  });
});
