import type { JsonLogLevel, TopicDefaults } from '@meridian/platform/kafka';
import { jsonLogLevels } from '@meridian/platform/kafka';
import type { Env, Problems } from '@meridian/platform/nest';
import { brokerListSetting, integerSetting, redactUrl, topicPrefixSetting, topicSettingsFromEnv, urlSetting } from '@meridian/platform/nest';
import type { StoreBreakerOptions } from '@meridian/platform/projections';
import { defaultStoreBreakerOptions } from '@meridian/platform/projections';
import { readModelNames } from './read-model-catalogue';

/** The projections process's settings, from the environment, validated once at start. */
export type ProjectionsConfig = Readonly<{
  kafkaBrokers: readonly string[];
  mongodbUrl: string;
  /** Only the `rebuild` command reads the event store. */
  eventStoreUrl: string;
  /** Must equal the relay's, so both name the same topics. */
  topicPrefix: string;
  readModels: readonly string[];
  topics: TopicDefaults;
  breaker: StoreBreakerOptions;
  followIntervalMs: number;
  sessionTimeoutMs: number;
  clientId: string;
  logLevel: JsonLogLevel;
  /** /metrics, /health/live and /health/ready, on every interface; 0 picks a free port (logged). */
  httpPort: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: where spans go over OTLP/HTTP; tracing is off without it. */
  otlpEndpoint?: string;
  /** Most messages of a partition fetch applied as one batch (fewer writes per event the more of a stream it holds). */
  batchMessages: number;
  /** Partitions of a read model whose batches are applied at once. */
  partitionsConcurrently: number;
  /** How many documents a rebuild folds in memory before writing them out: its memory bound (history-fold.ts). */
  rebuildDocumentsInMemory: number;
  /** How often consumer-group lag is fetched from the brokers (not on every scrape: it costs admin requests per topic). */
  lagIntervalMs: number;
}>;

export class ProjectionsConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid projections configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProjectionsConfigError';
  }
}

const required = <T>(value: T | undefined, name: string, rule: string, problems: Problems): T | undefined => {
  if (value === undefined) problems.push(`${name} is required: ${rule}`);
  return value;
};

const mongodbUrl = (env: Env, problems: Problems): string | undefined => {
  const raw = env.MONGODB_URL?.trim();
  if (!raw) return required(undefined, 'MONGODB_URL', 'mongodb://host:port/database', problems);
  if (!/^mongodb(\+srv)?:\/\/[^/]+/.test(raw)) problems.push(`MONGODB_URL="${redactUrl(raw)}" must start with mongodb:// or mongodb+srv://`);
  return raw;
};

const readModels = (env: Env, problems: Problems): readonly string[] => {
  const raw = env.PROJECTIONS_READ_MODELS?.trim();
  if (!raw) return readModelNames;
  // Each at most once: two live projections of one read model would share nothing but the work.
  const names = [...new Set(raw.split(',').map((n) => n.trim()).filter((n) => n !== ''))];
  const unknown = names.filter((n) => !readModelNames.includes(n));
  if (unknown.length > 0) problems.push(`PROJECTIONS_READ_MODELS has unknown read models ${unknown.join(', ')} (known: ${readModelNames.join(', ')})`);
  return names;
};

const text = (env: Env, name: string, fallback: string, pattern: RegExp, rule: string, problems: Problems): string => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!pattern.test(raw)) problems.push(`${name}="${raw}" ${rule}`);
  return raw;
};

export const loadProjectionsConfig = (env: Env): ProjectionsConfig => {
  const problems: Problems = [];
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as JsonLogLevel;
  if (!jsonLogLevels.includes(logLevel)) problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of ${jsonLogLevels.join(', ')}`);
  const config = {
    kafkaBrokers: required(brokerListSetting(env, 'KAFKA_BROKERS', problems), 'KAFKA_BROKERS', 'a comma-separated list of host:port', problems) ?? [],
    mongodbUrl: mongodbUrl(env, problems) ?? '',
    eventStoreUrl: env.EVENTSTORE_URL?.trim() || 'embedded:.meridian-data/events',
    topicPrefix: topicPrefixSetting(env, problems),
    readModels: readModels(env, problems),
    topics: topicSettingsFromEnv(env, problems),
    breaker: {
      ...defaultStoreBreakerOptions,
      timeoutMs: integerSetting(env, 'PROJECTIONS_STORE_TIMEOUT_MS', defaultStoreBreakerOptions.timeoutMs, 100, 600_000, problems),
      resetTimeoutMs: integerSetting(env, 'PROJECTIONS_BREAKER_RESET_MS', defaultStoreBreakerOptions.resetTimeoutMs, 100, 600_000, problems),
    },
    followIntervalMs: integerSetting(env, 'PROJECTIONS_FOLLOW_INTERVAL_MS', 2_000, 100, 600_000, problems),
    // Kafka's broker accepts 6 s to 30 min by default (group.min/max.session.timeout.ms).
    sessionTimeoutMs: integerSetting(env, 'PROJECTIONS_SESSION_TIMEOUT_MS', 30_000, 6_000, 1_800_000, problems),
    clientId: text(env, 'KAFKA_CLIENT_ID', 'meridian-projections', /^[A-Za-z0-9._-]{1,200}$/, 'may only contain letters, digits, ".", "_" and "-"', problems),
    logLevel,
    httpPort: integerSetting(env, 'PROJECTIONS_HTTP_PORT', 9465, 0, 65_535, problems),
    ...optional('otlpEndpoint', urlSetting(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], problems)),
    lagIntervalMs: integerSetting(env, 'PROJECTIONS_LAG_INTERVAL_MS', 5_000, 100, 600_000, problems),
    batchMessages: integerSetting(env, 'PROJECTIONS_BATCH_MESSAGES', 2_000, 1, 100_000, problems),
    partitionsConcurrently: integerSetting(env, 'PROJECTIONS_PARTITIONS_CONCURRENTLY', 2, 1, 64, problems),
    rebuildDocumentsInMemory: integerSetting(env, 'PROJECTIONS_REBUILD_DOCUMENTS_IN_MEMORY', 100_000, 100, 10_000_000, problems),
  };
  if (problems.length > 0) throw new ProjectionsConfigError(problems);
  return config;
};

/** A property only when it has a value (exactOptionalPropertyTypes). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
