/**
 * Settings come only from environment variables and are validated once, at
 * start, so a typo fails the boot with the variable's name instead of failing
 * the first request.
 */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof logLevels)[number];

export type AppConfig = Readonly<{
  port: number;
  host: string;
  logLevel: LogLevel;
  /** `embedded:<dir>`, `postgres://…`, `esdb://…`/`kurrentdb://…` or `memory:`. */
  eventStoreUrl: string;
  kafkaBrokers?: readonly string[];
  mongodbUrl?: string;
  /**
   * Standalone only: where its read models and process-manager state live
   * (`embedded:<dir>`, `postgres://…` or `memory:`); by default the event
   * store's own database (see `readStoreUrlBeside`). `readStoreUrlSet` says whether
   * READ_STORE_URL gave it.
   */
  readStoreUrl: string;
  readStoreUrlSet: boolean;
  otlpEndpoint?: string;
  /** Prepended to topic names; must equal the relay's and the projections'. */
  kafkaTopicPrefix: string;
  /** The relay's checkpoint row (`RELAY_CHECKPOINT_NAME`): read-your-writes over Kafka reads how far it published. */
  relayCheckpointName: string;
  /** Upper bound of a read-your-writes wait (X-Min-Position) before a query answers 503. */
  readWaitMaxMs: number;
  /** Upper bound of the whole shutdown after SIGTERM: the drain, then closing the app; past it the process exits 1. */
  shutdownTimeoutMs: number;
  /** Upper bound for the requests in flight at SIGTERM to finish; those still running then are cut off. Below `shutdownTimeoutMs` (unset: see `defaultShutdownDrainTimeoutMsFor`). */
  shutdownDrainTimeoutMs: number;
  /** Requests handled at once; one more is refused with 503 `overloaded` rather than queued (health and /metrics exempt). */
  httpMaxInFlight: number;
}>;

export const defaultEventStoreUrl = 'embedded:.meridian-data/events';
/**
 * Standalone's read store when READ_STORE_URL is unset: the event store's
 * own database (tables `read_model_*` beside `events`; one PGlite for both
 * when embedded), so read models never meet another history. An event store
 * that is memory or EventStoreDB gets memory (replayed at every start).
 */
export const readStoreUrlBeside = (eventStoreUrl: string): string =>
  eventStoreUrl.startsWith('embedded:') || /^postgres(ql)?:/.test(eventStoreUrl) ? eventStoreUrl : 'memory:';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

import { isEsdbUrl } from '@meridian/platform/eventstore';
import { redactUrl } from './redact-url';
import type { Env, Problems } from './settings';
import { brokerListSetting, integerSetting, urlSetting } from './settings';
import { topicPrefixSetting } from './kafka-settings';

const eventStoreUrl = (env: Env, problems: Problems): string => {
  const raw = env.EVENTSTORE_URL?.trim() || defaultEventStoreUrl;
  if (/^(postgres|postgresql):\/\/[^/]+/.test(raw) || raw === 'memory:' || isEsdbUrl(raw)) return raw;
  if (raw.startsWith('embedded:') && raw.length > 'embedded:'.length) return raw;
  problems.push(`EVENTSTORE_URL="${redactUrl(raw)}" must be postgres://user:pass@host:port/db, esdb://host:2113 (EventStoreDB/KurrentDB), embedded:<dir> or memory:`);
  return raw;
};


const readStoreUrl = (env: Env, eventStore: string, problems: Problems): string => {
  const raw = env.READ_STORE_URL?.trim();
  if (raw === undefined || raw === '') return readStoreUrlBeside(eventStore);
  if (/^(postgres|postgresql):\/\/[^/]+/.test(raw) || raw === 'memory:' || (raw.startsWith('embedded:') && raw.length > 'embedded:'.length)) {
    return raw;
  }
  problems.push(`READ_STORE_URL="${redactUrl(raw)}" must be embedded:<dir>, postgres://user:pass@host:port/db or memory:`);
  return raw;
};

const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

const host = (env: Env, problems: Problems): string => {
  const raw = env.HOST?.trim() || '0.0.0.0';
  if (!hostPattern.test(raw)) problems.push(`HOST="${raw}" must be an IP address or a host name`);
  return raw;
};

/** Long enough for a read-your-writes wait at READ_WAIT_MAX_MS's default (5 s) to end on its own, and 3 s short of SHUTDOWN_TIMEOUT_MS's default for closing the app. */
export const defaultShutdownDrainTimeoutMs = 7_000;

/**
 * The drain when SHUTDOWN_DRAIN_TIMEOUT_MS is not set: 7 s while that is
 * below SHUTDOWN_TIMEOUT_MS, else half of SHUTDOWN_TIMEOUT_MS. The drain
 * setting came after SHUTDOWN_TIMEOUT_MS, so a deployment that had lowered
 * only the latter (to 7 s or less, say 5 s) started before; a fixed 7 s would
 * now refuse it. Half leaves the other half for closing the app. Where 7 s
 * fits (the defaults, 7 s within 10 s, included) the drain is what it was.
 */
export const defaultShutdownDrainTimeoutMsFor = (shutdownTimeoutMs: number): number =>
  defaultShutdownDrainTimeoutMs < shutdownTimeoutMs ? defaultShutdownDrainTimeoutMs : Math.floor(shutdownTimeoutMs / 2);

const isSet = (env: Env, name: string): boolean => (env[name]?.trim() ?? '') !== '';

/**
 * The drain is a part of the shutdown: a drain as long as the whole deadline
 * would leave no time to close the stores. Checked when the drain is set (a
 * drain by default is below the deadline by construction).
 */
const drainWithinShutdown = (env: Env, drainTimeoutMs: number, shutdownTimeoutMs: number, problems: Problems): void => {
  if (!isSet(env, 'SHUTDOWN_DRAIN_TIMEOUT_MS') || problems.some((p) => p.startsWith('SHUTDOWN_'))) return;
  if (drainTimeoutMs < shutdownTimeoutMs) return;
  const shutdown = isSet(env, 'SHUTDOWN_TIMEOUT_MS') ? `SHUTDOWN_TIMEOUT_MS="${shutdownTimeoutMs}"` : `SHUTDOWN_TIMEOUT_MS (unset: ${shutdownTimeoutMs})`;
  problems.push(`SHUTDOWN_DRAIN_TIMEOUT_MS="${drainTimeoutMs}" must be less than ${shutdown}: the shutdown deadline also covers closing the app after the drain`);
};

const relayCheckpointName = (env: Env, problems: Problems): string => {
  const raw = env.RELAY_CHECKPOINT_NAME?.trim() || 'relay';
  if (!/^[A-Za-z0-9._:-]{1,200}$/.test(raw)) problems.push(`RELAY_CHECKPOINT_NAME="${raw}" may only contain letters, digits, ".", "_", ":" and "-"`);
  return raw;
};

export const loadConfig = (env: Env): AppConfig => {
  const problems: Problems = [];
  const logLevelRaw = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!(logLevels as readonly string[]).includes(logLevelRaw)) {
    problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of ${logLevels.join(', ')}`);
  }
  const shutdownTimeoutMs = integerSetting(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000, problems);
  const config: AppConfig = {
    port: integerSetting(env, 'PORT', 3000, 0, 65535, problems),
    host: host(env, problems),
    logLevel: logLevelRaw as LogLevel,
    eventStoreUrl: eventStoreUrl(env, problems),
    readStoreUrl: readStoreUrl(env, env.EVENTSTORE_URL?.trim() || defaultEventStoreUrl, problems),
    readStoreUrlSet: (env.READ_STORE_URL?.trim() ?? '') !== '',
    kafkaBrokers: brokerListSetting(env, 'KAFKA_BROKERS', problems),
    mongodbUrl: urlSetting(env, 'MONGODB_URL', ['mongodb:', 'mongodb+srv:'], problems),
    otlpEndpoint: urlSetting(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], problems),
    kafkaTopicPrefix: topicPrefixSetting(env, problems),
    readWaitMaxMs: integerSetting(env, 'READ_WAIT_MAX_MS', 5_000, 0, 60_000, problems),
    relayCheckpointName: relayCheckpointName(env, problems),
    shutdownTimeoutMs,
    shutdownDrainTimeoutMs: integerSetting(env, 'SHUTDOWN_DRAIN_TIMEOUT_MS', defaultShutdownDrainTimeoutMsFor(shutdownTimeoutMs), 0, 600_000, problems),
    httpMaxInFlight: integerSetting(env, 'HTTP_MAX_IN_FLIGHT', 256, 1, 100_000, problems),
  };
  if (config.mongodbUrl !== undefined && config.kafkaBrokers === undefined && !problems.some((p) => p.startsWith('KAFKA_BROKERS'))) {
    problems.push('MONGODB_URL is set but KAFKA_BROKERS is not: the read models are fed from Kafka, set both (or neither for the in-process read side)');
  }
  drainWithinShutdown(env, config.shutdownDrainTimeoutMs, config.shutdownTimeoutMs, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};
