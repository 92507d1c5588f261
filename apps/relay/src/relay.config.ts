import type { Env, Problems } from '@meridian/platform/nest';
import { isEsdbUrl } from '@meridian/platform/eventstore';
import { brokerListSetting, integerSetting, redactUrl, topicPrefixSetting, topicSettingsFromEnv, urlSetting } from '@meridian/platform/nest';
import type { TopicDefaults } from '@meridian/platform/kafka';

/**
 * The relay's settings, from environment variables only, validated once at
 * start: a bad value stops the boot with the variable's name (and exit code 1)
 * instead of failing later.
 */
export type RelayConfig = Readonly<{
  /** `postgres://…` or `embedded:<dir>`: the store whose feed is relayed; checkpoints live in the same database. */
  eventStoreUrl: string;
  kafkaBrokers: readonly string[];
  /** Prepended to every topic (a deployment namespace; tests use a unique one). */
  topicPrefix: string;
  topics: TopicDefaults;
  pollIntervalMs: number;
  batchSize: number;
  /** Row in `relay_checkpoints`; two relays with the same name must never run at once. */
  checkpointName: string;
  clientId: string;
  logLevel: RelayLogLevel;
  /** /metrics, /health/live and /health/ready, on every interface; 0 picks a free port (logged). */
  httpPort: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: where spans go over OTLP/HTTP; tracing is off without it. */
  otlpEndpoint?: string;
}>;

export const relayLogLevels = ['error', 'warn', 'info', 'debug'] as const;
export type RelayLogLevel = (typeof relayLogLevels)[number];

export const defaultRelayEventStoreUrl = 'embedded:.meridian-data/events';

export class RelayConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid relay configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RelayConfigError';
  }
}

const eventStoreUrl = (env: Env, problems: Problems): string => {
  const raw = env.EVENTSTORE_URL?.trim() || defaultRelayEventStoreUrl;
  if (/^postgres(ql)?:\/\/[^/]+/.test(raw) || isEsdbUrl(raw)) return raw;
  if (raw.startsWith('embedded:') && raw.length > 'embedded:'.length) return raw;
  problems.push(`EVENTSTORE_URL="${redactUrl(raw)}" must be postgres://user:pass@host:port/db, esdb://host:2113 or embedded:<dir> (the relay needs a durable store)`);
  return raw;
};

const kafkaBrokers = (env: Env, problems: Problems): readonly string[] => {
  const brokers = brokerListSetting(env, 'KAFKA_BROKERS', problems);
  if (brokers === undefined) problems.push('KAFKA_BROKERS is required: a comma-separated list of host:port');
  return brokers ?? [];
};

const matching = (env: Env, name: string, fallback: string, pattern: RegExp, rule: string, problems: Problems): string => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!pattern.test(raw)) problems.push(`${name}="${raw}" ${rule}`);
  return raw;
};

export const loadRelayConfig = (env: Env): RelayConfig => {
  const problems: Problems = [];
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as RelayLogLevel;
  if (!relayLogLevels.includes(logLevel)) problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of ${relayLogLevels.join(', ')}`);
  const config: RelayConfig = {
    eventStoreUrl: eventStoreUrl(env, problems),
    kafkaBrokers: kafkaBrokers(env, problems),
    topicPrefix: topicPrefixSetting(env, problems),
    topics: topicSettingsFromEnv(env, problems),
    pollIntervalMs: integerSetting(env, 'RELAY_POLL_INTERVAL_MS', 200, 1, 60_000, problems),
    batchSize: integerSetting(env, 'RELAY_BATCH_SIZE', 500, 1, 10_000, problems),
    checkpointName: matching(env, 'RELAY_CHECKPOINT_NAME', 'relay', /^[A-Za-z0-9._:-]{1,200}$/, 'may only contain letters, digits, ".", "_", ":" and "-"', problems),
    clientId: matching(env, 'KAFKA_CLIENT_ID', 'meridian-relay', /^[A-Za-z0-9._-]{1,200}$/, 'may only contain letters, digits, ".", "_" and "-"', problems),
    logLevel,
    httpPort: integerSetting(env, 'RELAY_HTTP_PORT', 9464, 0, 65_535, problems),
    ...optional('otlpEndpoint', urlSetting(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], problems)),
  };
  if (problems.length > 0) throw new RelayConfigError(problems);
  return config;
};

/** A property only when it has a value (exactOptionalPropertyTypes). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
