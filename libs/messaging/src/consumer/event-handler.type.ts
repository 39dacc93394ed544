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

/** One record of a batch: the decoded event and where it sits. */
export interface BatchRecord {
  event: CloudEvent;
  context: HandlerContext;
}

/**
 * Handles every record of a fetched batch of one partition, in order, making their effects durable
 * together. Resolving means all of them are done (their offsets are committed next); throwing a
 * retriable `HubError` retries the whole batch; anything else sends each record through the
 * one-record path (the handler is then called with batches of one), so only faulty records are
 * dead-lettered.
 */
export type BatchEventHandler = (records: BatchRecord[]) => Promise<void>;
