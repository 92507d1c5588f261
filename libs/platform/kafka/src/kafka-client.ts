import type { LogEntry, logCreator } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

export type LogLevelName = 'error' | 'warn' | 'info' | 'debug';
/** Structured log sink; the host decides the format (JSON lines in the relay). */
export type StructuredLog = (level: LogLevelName, message: string, fields?: Readonly<Record<string, unknown>>) => void;

export type KafkaClientOptions = Readonly<{
  brokers: readonly string[];
  clientId: string;
  log: StructuredLog;
  /** kafkajs logs below this level are dropped; its info level is chatty. */
  minLevel?: LogLevelName;
}>;

const levelOf = (level: logLevel): LogLevelName =>
  level === logLevel.ERROR || level === logLevel.NOTHING ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';

const kafkaLevelOf = (level: LogLevelName): logLevel =>
  ({ error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG })[level];

/** A kafkajs client whose own logs go through the host's structured log instead of its console format. */
export const createKafkaClient = (options: KafkaClientOptions): Kafka => {
  const forward: logCreator = () => ({ namespace, level, log }: LogEntry) => {
    const { message, ...fields } = log;
    options.log(levelOf(level), `kafkajs ${namespace}: ${message}`, fields);
  };
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: kafkaLevelOf(options.minLevel ?? 'warn'),
    logCreator: forward,
  });
};
