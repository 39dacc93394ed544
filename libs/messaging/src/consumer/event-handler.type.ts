import type { IHeaders } from 'kafkajs';
import type { CloudEvent } from '../cloudevents/cloud-event.type';

/** Where the event being handled sits, and which attempt this is. */
export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: IHeaders;
  /**
   * The record's raw value (the event's data as sent), for handlers that must check the bytes
   * themselves, e.g. with a stricter JSON parser than the binding's.
   */
  value: Buffer | null;
  /** 1 on first delivery; grows with each in-place retry. */
  attempt: number;
}

/**
 * Handles one event. Resolving means its effects are durable (the offset is committed next);
 * throwing a retriable `HubError` asks for a retry, anything else dead-letters the record.
 */
export type EventHandler = (event: CloudEvent, context: HandlerContext) => Promise<void>;
