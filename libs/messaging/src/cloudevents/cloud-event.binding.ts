// CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as `ce_*`
// headers, `datacontenttype` as `content-type`, and the value is the JSON of `data` alone.
import type { IHeaders } from 'kafkajs';
import { CloudEventInvalidError } from './cloud-event.error';
import type { CloudEvent } from './cloud-event.type';

/** A Kafka record in binary mode, ready for a producer. */
export interface BinaryKafkaMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A record as a consumer receives it (kafkajs `KafkaMessage` fits). */
export interface IncomingKafkaMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

const JSON_CONTENT_TYPE = 'application/json';
const REQUIRED = ['id', 'source', 'type', 'subject', 'time'] as const;
const OPTIONAL = ['dataschema', 'insurer', 'correlationid', 'traceparent'] as const;

/** Maps an event to a binary-mode Kafka record keyed by the dossier id (`subject`). */
export function toKafkaMessage(event: CloudEvent): BinaryKafkaMessage {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    'content-type': event.datacontenttype,
  };
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const value = event[name];
    if (value !== undefined) headers[`ce_${name}`] = value;
  }
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

/**
 * Reads a binary-mode Kafka record back into an event. Throws {@link CloudEventInvalidError}
 * (`CLOUDEVENT_INVALID`) on a missing or repeated attribute, a foreign content type, a key that is
 * not the subject, or data that is not JSON.
 */
export function fromKafkaMessage<T = unknown>(message: IncomingKafkaMessage): CloudEvent<T> {
  const headers = message.headers ?? {};
  if (header(headers, 'ce_specversion') !== '1.0') {
    throw new CloudEventInvalidError('CloudEvent attribute ce_specversion is missing or not 1.0');
  }
  if (!isJsonContentType(header(headers, 'content-type'))) {
    throw new CloudEventInvalidError('CloudEvent content-type is missing or not application/json');
  }
  const event = { specversion: '1.0', datacontenttype: JSON_CONTENT_TYPE } as Record<
    string,
    unknown
  >;
  for (const name of REQUIRED) {
    const value = header(headers, `ce_${name}`);
    if (!value) throw new CloudEventInvalidError(`CloudEvent attribute ce_${name} is missing`);
    event[name] = value;
  }
  for (const name of OPTIONAL) {
    const value = header(headers, `ce_${name}`);
    if (value) event[name] = value;
  }
  if (Number.isNaN(Date.parse(event['time'] as string))) {
    throw new CloudEventInvalidError('CloudEvent attribute ce_time is not a timestamp');
  }
  if (text(message.key) !== event['subject']) {
    throw new CloudEventInvalidError('Kafka key does not match CloudEvent attribute ce_subject');
  }
  event['data'] = parseData(message.value);
  return event as unknown as CloudEvent<T>;
}

/** One header as text; a repeated attribute is ambiguous, so it is rejected rather than guessed. */
function header(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value))
    throw new CloudEventInvalidError(`CloudEvent header ${name} is repeated`);
  return value === undefined ? undefined : text(value);
}

function text(value: Buffer | string | null): string | undefined {
  if (value === null) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === JSON_CONTENT_TYPE;
}

function parseData(value: Buffer | string | null): unknown {
  if (value === null) throw new CloudEventInvalidError('CloudEvent data is missing');
  try {
    return JSON.parse(text(value) ?? '');
  } catch {
    // JSON.parse's own message quotes the input, which may hold personal data: never pass it on.
    throw new CloudEventInvalidError('CloudEvent data is not valid JSON');
  }
}
