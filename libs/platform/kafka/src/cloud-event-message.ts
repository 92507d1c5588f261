import type { IHeaders, KafkaMessage } from 'kafkajs';

/** An event as a consumer sees it: the CloudEvents envelope decoded, the payload parsed (not yet typed). */
export type ConsumedEvent = Readonly<{
  eventId: string;
  /** Versioned CloudEvents type (`ce_type`), e.g. `crm.opportunities.OpportunityWon.v1`. */
  type: string;
  schemaVersion: number;
  /** The message key: the stream id. */
  streamId: string;
  streamRevision: number;
  globalPosition: number;
  tenantId: string;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  traceparent?: string;
  payload: unknown;
  partition: number;
  /** Kafka offsets are 64-bit: kept as the decimal string kafkajs gives. */
  offset: string;
}>;

export type MalformedMessageReason = 'missing-key' | 'missing-header' | 'invalid-header' | 'invalid-payload';

/** Why a message cannot be decoded; carried into the dead-letter headers, never thrown at the consumer loop. */
export class MalformedMessage extends Error {
  override readonly name = 'MalformedMessage';
  constructor(
    readonly reason: MalformedMessageReason,
    message: string,
  ) {
    super(message);
  }
}

export type DecodedMessage = Readonly<{ ok: true; event: ConsumedEvent }> | Readonly<{ ok: false; error: MalformedMessage }>;

/** The part of a kafkajs message the decoder reads (so tests can build one without a broker). */
export type IncomingMessage = Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;

/**
 * The consumer side of `toCloudEventHeaders`. Pure and total: any message, however
 * broken, yields either the event or a `MalformedMessage` naming the first problem.
 */
export const fromKafkaMessage = (topic: string, partition: number, message: IncomingMessage): DecodedMessage => {
  try {
    return { ok: true, event: decode(partition, message) };
  } catch (error) {
    if (error instanceof MalformedMessage) return { ok: false, error: new MalformedMessage(error.reason, `${topic}[${partition}]@${message.offset}: ${error.message}`) };
    throw error;
  }
};

const decode = (partition: number, message: IncomingMessage): ConsumedEvent => {
  const headers = textHeadersOf(message.headers ?? {});
  const required = (name: string): string => {
    const value = headers[name];
    if (value === undefined || value === '') throw new MalformedMessage('missing-header', `header ${name} is missing`);
    return value;
  };
  const integer = (name: string, min: number): number => {
    const text = required(name);
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
      throw new MalformedMessage('invalid-header', `header ${name} is not an integer ≥ ${min}: "${text}"`);
    }
    return value;
  };
  const streamId = message.key?.toString() ?? '';
  if (streamId === '') throw new MalformedMessage('missing-key', 'message has no key (stream id)');
  const subject = headers.ce_subject;
  if (subject !== undefined && subject !== streamId) throw new MalformedMessage('invalid-header', `ce_subject "${subject}" differs from the key "${streamId}"`);
  const event = {
    eventId: required('ce_id'),
    type: required('ce_type'),
    schemaVersion: integer('ce_schemaversion', 1),
    streamId,
    streamRevision: integer('ce_streamrevision', 0),
    globalPosition: integer('ce_globalposition', 0),
    tenantId: required('ce_tenantid'),
    occurredAt: required('ce_time'),
    correlationId: required('ce_correlationid'),
    causationId: required('ce_causationid'),
    payload: payloadOf(message.value),
    partition,
    offset: message.offset,
  };
  return headers.traceparent ? { ...event, traceparent: headers.traceparent } : event;
};

const payloadOf = (value: Buffer | null): unknown => {
  if (value === null || value.length === 0) throw new MalformedMessage('invalid-payload', 'message has no value');
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch (error) {
    throw new MalformedMessage('invalid-payload', `value is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** kafkajs headers as text; a repeated header counts as its last value (the one a re-publish would add). */
export const textHeadersOf = (headers: IHeaders): Record<string, string> => {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
};
