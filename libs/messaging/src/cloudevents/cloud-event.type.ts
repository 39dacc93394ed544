import { randomUUID } from 'node:crypto';
import { createTraceparent } from './traceparent';

/**
 * A hub event: CloudEvents 1.0 with the hub's extensions `insurer`, `correlationid` and
 * `traceparent`. `subject` is the dossier id and doubles as the Kafka key, so one dossier's events
 * stay in order.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  /** Unique per `source`; consumers deduplicate on it. */
  id: string;
  /** The publishing organisation, `urn:rtw:org:<kind>:<code>`. */
  source: string;
  /** `be.rtw.<subject>.<verb>`. */
  type: string;
  /** The dossier id (UUID). */
  subject: string;
  /** RFC 3339 instant at which the fact happened. */
  time: string;
  datacontenttype: 'application/json';
  /** `urn:rtw:schema:<type>:v<N>`. */
  dataschema?: string;
  /** 3-digit code of the dossier's insurer. */
  insurer?: string;
  correlationid?: string;
  /** W3C trace context of the step that produced the event. */
  traceparent?: string;
  data: T;
}

/** What a producer states about a new event; the rest gets sensible defaults. */
export type NewCloudEvent<T> = Omit<
  CloudEvent<T>,
  'specversion' | 'datacontenttype' | 'id' | 'time'
> &
  Partial<Pick<CloudEvent<T>, 'id' | 'time'>>;

/** Builds a CloudEvent with a fresh id, the current time and a new trace unless given. */
export function createCloudEvent<T>(event: NewCloudEvent<T>): CloudEvent<T> {
  return {
    ...event,
    specversion: '1.0',
    datacontenttype: 'application/json',
    id: event.id ?? randomUUID(),
    time: event.time ?? new Date().toISOString(),
    traceparent: event.traceparent ?? createTraceparent(),
  };
}
