import { KafkaJSAggregateError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import type { StructuredLog } from './kafka-client';
import { TopicsNotServed, isTopicSetupRetriable, retryWhileTopicsSettle } from './topic-readiness';

/** As kafkajs builds them from a broker's error code. */
const protocolError = (type: string, code: number, retriable: boolean, message: string) =>
  new KafkaJSProtocolError(Object.assign(new Error(message), { type, code, retriable }));
const unknownTopic = () => protocolError('UNKNOWN_TOPIC_OR_PARTITION', 3, true, 'This server does not host this topic-partition');
const leaderNotAvailable = () => protocolError('LEADER_NOT_AVAILABLE', 5, true, 'There is no leader for this topic-partition');
const alreadyExists = () => protocolError('TOPIC_ALREADY_EXISTS', 36, false, 'Topic with this name already exists');

describe('which topic-setup failures are worth another attempt', () => {
  it('retries a topic or leader the broker does not know yet, and a topic listed but not served', () => {
    expect(isTopicSetupRetriable(unknownTopic())).toBe(true);
    expect(isTopicSetupRetriable(leaderNotAvailable())).toBe(true);
    expect(isTopicSetupRetriable(protocolError('NOT_LEADER_FOR_PARTITION', 6, true, 'not the leader'))).toBe(true);
    expect(isTopicSetupRetriable(new TopicsNotServed(['crm.orders']))).toBe(true);
  });

  it('retries a creation that failed only on topics another process created meanwhile, or on not-yet errors', () => {
    expect(isTopicSetupRetriable(new KafkaJSAggregateError('Topic creation errors', [alreadyExists(), alreadyExists()]))).toBe(true);
    expect(isTopicSetupRetriable(new KafkaJSAggregateError('Topic creation errors', [alreadyExists(), leaderNotAvailable()]))).toBe(true);
  });

  it('gives up on what waiting cannot fix, and on kafkajs having already waited', () => {
    expect(isTopicSetupRetriable(protocolError('INVALID_REPLICATION_FACTOR', 38, false, 'Replication factor is larger than brokers'))).toBe(false);
    expect(isTopicSetupRetriable(new KafkaJSAggregateError('Topic creation errors', [alreadyExists(), protocolError('POLICY_VIOLATION', 44, false, 'policy')]))).toBe(false);
    expect(isTopicSetupRetriable(new KafkaJSNonRetriableError('Invalid topics array'))).toBe(false);
    expect(isTopicSetupRetriable(new KafkaJSNumberOfRetriesExceeded(unknownTopic(), { retryCount: 5, retryTime: 100 }))).toBe(false);
    expect(isTopicSetupRetriable(new TypeError('bug'))).toBe(false);
  });
});

describe('retrying topic setup until it settles', () => {
  const recordingLog = () => {
    const lines: { level: string; message: string; fields?: Readonly<Record<string, unknown>> }[] = [];
    const log: StructuredLog = (level, message, fields) => void lines.push({ level, message, ...(fields === undefined ? {} : { fields }) });
    return { log, lines };
  };
  const failingTimes = (failures: readonly Error[]) => {
    let calls = 0;
    return {
      attempt: async () => {
        const failure = failures[calls++];
        if (failure !== undefined) throw failure;
      },
      calls: () => calls,
    };
  };

  it('retries "not there yet" until the topics are served, logging each retry with the setting that bounds it', async () => {
    const { log, lines } = recordingLog();
    const attempt = failingTimes([unknownTopic(), new TopicsNotServed(['crm.orders'])]);
    await retryWhileTopicsSettle(attempt.attempt, { topics: ['crm.orders'], timeoutMs: 30_000, log });
    expect(attempt.calls()).toBe(3);
    expect(lines).toEqual([1, 2].map((retry) => ({
      level: 'warn',
      message: 'topics not ready yet; retrying',
      fields: expect.objectContaining({ topics: ['crm.orders'], attempt: retry, timeoutMs: 30_000, setting: 'KAFKA_TOPIC_SETUP_TIMEOUT_MS' }),
    })));
    expect(lines[0]?.fields?.error).toBe('This server does not host this topic-partition');
  });

  it('fails at once on an error waiting cannot fix, without a retry', async () => {
    const { log, lines } = recordingLog();
    const refusal = protocolError('INVALID_REPLICATION_FACTOR', 38, false, 'Replication factor is larger than brokers');
    const attempt = failingTimes([refusal]);
    await expect(retryWhileTopicsSettle(attempt.attempt, { topics: ['t'], timeoutMs: 30_000, log })).rejects.toBe(refusal);
    expect(attempt.calls()).toBe(1);
    expect(lines).toEqual([]);
  });

  it('gives up once the bound has passed, naming the setting and the last error', async () => {
    const { log } = recordingLog();
    const forever = async () => {
      throw unknownTopic();
    };
    const failure = retryWhileTopicsSettle(forever, { topics: ['t'], timeoutMs: 200, log });
    await expect(failure).rejects.toThrow('topics not ready after 200 ms (KAFKA_TOPIC_SETUP_TIMEOUT_MS): This server does not host this topic-partition');
  });
});
