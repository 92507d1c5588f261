import { RelayConfigError, loadRelayConfig } from './relay.config';

const valid = { KAFKA_BROKERS: 'localhost:9092', EVENTSTORE_URL: 'postgres://u:p@db:5432/meridian' };

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadRelayConfig(env);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a RelayConfigError');
};

describe('relay configuration', () => {
  it('applies the documented defaults', () => {
    expect(loadRelayConfig(valid)).toEqual({
      eventStoreUrl: valid.EVENTSTORE_URL,
      kafkaBrokers: ['localhost:9092'],
      topicPrefix: '',
      topics: { partitions: 6, replicationFactor: 1, retentionMs: 2_592_000_000, deadLetterRetentionMs: 7_776_000_000, setupTimeoutMs: 30_000 },
      pollIntervalMs: 200,
      batchSize: 500,
      checkpointName: 'relay',
      clientId: 'meridian-relay',
      logLevel: 'info',
      httpPort: 9464,
    });
    expect(loadRelayConfig({ KAFKA_BROKERS: 'k:1' }).eventStoreUrl).toBe('embedded:.meridian-data/events');
  });

  it('reads every override', () => {
    const config = loadRelayConfig({
      ...valid, EVENTSTORE_URL: 'embedded:/data/events', KAFKA_TOPIC_PREFIX: 'staging.', KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_TOPIC_REPLICATION: '3', KAFKA_TOPIC_SETUP_TIMEOUT_MS: '90000', RELAY_POLL_INTERVAL_MS: '50', RELAY_BATCH_SIZE: '100', RELAY_CHECKPOINT_NAME: 'relay-eu', RELAY_HTTP_PORT: '0',
    });
    expect(config).toMatchObject({
      eventStoreUrl: 'embedded:/data/events', topicPrefix: 'staging.', topics: { partitions: 12, replicationFactor: 3, setupTimeoutMs: 90_000 },
      pollIntervalMs: 50, batchSize: 100, checkpointName: 'relay-eu', httpPort: 0,
    });
  });

  it('requires KAFKA_BROKERS', () => {
    expect(problemsOf({ EVENTSTORE_URL: valid.EVENTSTORE_URL })).toContain('KAFKA_BROKERS is required');
  });

  it('names each bad variable, without echoing a password', () => {
    const problems = problemsOf({
      KAFKA_BROKERS: 'nohost', EVENTSTORE_URL: 'mysql://root:secret@db/x', RELAY_BATCH_SIZE: '0', KAFKA_TOPIC_PARTITIONS: 'six',
      KAFKA_TOPIC_PREFIX: 'bad prefix', LOG_LEVEL: 'loud', RELAY_HTTP_PORT: '70000', KAFKA_TOPIC_SETUP_TIMEOUT_MS: '10',
    });
    for (const name of ['KAFKA_BROKERS', 'EVENTSTORE_URL', 'RELAY_BATCH_SIZE', 'KAFKA_TOPIC_PARTITIONS', 'KAFKA_TOPIC_PREFIX', 'LOG_LEVEL', 'RELAY_HTTP_PORT', 'KAFKA_TOPIC_SETUP_TIMEOUT_MS']) {
      expect(problems).toContain(`${name}=`);
    }
    expect(problems).not.toContain('secret');
  });

  it('refuses memory: (the relay needs a durable store)', () => {
    expect(problemsOf({ ...valid, EVENTSTORE_URL: 'memory:' })).toContain('EVENTSTORE_URL="memory:"');
  });
});
