import type { KafkaMessage } from 'kafkajs';
import type { CloudEvent } from '../cloudevents/cloud-event.type';
import type { FailureDescription } from './dead-letter.message';

/** A record just written to its dead-letter topic, with what made it fail. */
export interface DeadLetteredRecord {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  /** The decoded event; undefined when the record was not a valid CloudEvent. */
  readonly event?: CloudEvent;
  /**
   * What the handler (or the CloudEvents binding) threw, as thrown: a typed error can carry more
   * than the dead-letter headers may say (e.g. the JSON pointer of a refused field).
   */
  readonly error: unknown;
  /** The error as the dead-letter headers describe it. */
  readonly failure: FailureDescription;
  readonly attempts: number;
}

/**
 * Runs after a record's dead letter is acknowledged and before its offset is committed, in the
 * process that saw the failure; e.g. to tell the publisher why its record was refused. When it
 * rejects, the record stays uncommitted and is processed again, so the dead letter and the hook's
 * effects may repeat (at least once): make them recognisable as copies.
 */
export type DeadLetterHook = (deadLettered: DeadLetteredRecord) => Promise<void>;
