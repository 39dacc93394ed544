import type { CloudEvent, Partner } from '@rtw/messaging';
import type { OrganisationKind } from '../directory/directory.types';

/** Where a message stands: waiting for an attempt, or finished one way or another. */
export const MESSAGE_STATUSES = ['pending', 'delivered', 'dead-lettered', 'refused'] as const;
/** One of {@link MESSAGE_STATUSES}. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Statuses of failed messages: the dead letters support sees and may replay. */
export const FAILED_STATUSES: readonly MessageStatus[] = ['dead-lettered', 'refused'];

/** Where a large body is kept (the INAMI yearly dataset). */
export interface BodyReference {
  readonly store: string;
  readonly id: string;
}

/** The data of a `be.rtw.partner-message.prepared` event (contract v1). */
export interface PreparedMessageData {
  readonly partner: Partner;
  readonly organisation: { readonly kind: OrganisationKind; readonly code: string };
  readonly messageType: string;
  readonly contract: string;
  readonly contentType: 'application/json' | 'application/xml';
  readonly body?: string;
  readonly bodyRef?: BodyReference;
  readonly referralId?: string;
  readonly causationId: string;
}

/** A partner message as the queue keeps it. */
export interface QueuedMessage {
  /** The event id: message id and idempotency key. */
  readonly id: string;
  readonly seq: string;
  readonly partner: Partner;
  /** `<kind>:<code>` of the receiving organisation. */
  readonly organisationId: string;
  readonly dossierId: string;
  readonly insurer: string;
  readonly messageType: string;
  readonly contract: string;
  readonly contentType: PreparedMessageData['contentType'];
  readonly referralId?: string;
  readonly causationId: string;
  readonly correlationId?: string;
  /** The prepared event as received (attributes and data), for the body and the DLQ copy. */
  readonly event: CloudEvent<PreparedMessageData>;
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
  /** Attempts ever made. */
  readonly attempts: number;
  /** Attempts in the current round (a replay starts a new one); drives the schedule. */
  readonly roundAttempts: number;
  readonly replays: number;
  readonly receivedAt: Date;
}

/** The organisation id of a message's organisation. */
export function organisationIdOf(data: PreparedMessageData): string {
  return `${data.organisation.kind}:${data.organisation.code}`;
}
