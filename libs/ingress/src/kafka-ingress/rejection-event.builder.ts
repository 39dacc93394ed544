import { createHash } from 'node:crypto';
import { isDossierId } from '@rtw/contracts';
import { createCloudEvent, type CloudEvent } from '@rtw/messaging';
import { INTERNAL_ERROR } from '@rtw/platform';

/** Where a record sits: topic, partition, offset. */
export interface RecordCoordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Why a record was refused: a gateway refusal (reason code, pointer) or, for a record refused
 * before the gateway's checks, the dead-letter code and message (e.g. `CLOUDEVENT_INVALID`).
 */
export interface RejectionReason {
  readonly code: string;
  readonly message: string;
  readonly pointer?: string;
}

/** What is known about a refused record. */
export interface RejectedRecord {
  readonly at: RecordCoordinates;
  readonly insurer: string;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly dossierId?: string;
  readonly reason: RejectionReason;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const TYPE = /^be\.rtw\.[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const REASON = /^[A-Z][A-Z0-9_]{1,63}$/;
/**
 * Key of rejections about a record whose dossier id could not be read. The envelope refuses the
 * nil UUID as a dossier id (ADR 0046), so the hub uses this reserved one: a version-8 UUID that no
 * generator of dossier ids produces, easy to recognise.
 */
export const UNKNOWN_DOSSIER = '00000000-0000-8000-8000-000000000000';

/**
 * The `be.rtw.event.rejected` event telling an insurer that a record it published was refused.
 * Its id derives from the record's coordinates, so a rejection sent twice (dead-letter retried)
 * carries the same id and the insurer can discard the copy. Undefined when the record's type is
 * unreadable: the contract needs it, and the dead-letter topic still holds the record.
 */
export function buildRejectionEvent(
  record: RejectedRecord,
  now: Date = new Date(),
): CloudEvent | undefined {
  if (record.eventType === undefined || !TYPE.test(record.eventType)) return undefined;
  const { at, reason } = record;
  const coordinates = `${at.topic}/${at.partition}/${at.offset}`;
  const data: Record<string, unknown> = {
    rejectedEventId:
      record.eventId !== undefined && ID.test(record.eventId)
        ? record.eventId
        : `kafka-${at.partition}-${at.offset}`,
    rejectedEventType: record.eventType,
    reasonCode: REASON.test(reason.code) ? reason.code : INTERNAL_ERROR,
    message: (reason.message || 'record refused').slice(0, 500),
  };
  if (reason.pointer !== undefined) data['pointer'] = reason.pointer;
  return createCloudEvent({
    id: `rejection-${createHash('sha256').update(coordinates).digest('hex').slice(0, 32)}`,
    source: 'urn:rtw:org:hub',
    type: 'be.rtw.event.rejected',
    subject:
      record.dossierId !== undefined && isDossierId(record.dossierId)
        ? record.dossierId
        : UNKNOWN_DOSSIER,
    time: now.toISOString(),
    dataschema: 'urn:rtw:schema:be.rtw.event.rejected:v1',
    insurer: record.insurer,
    data,
  });
}
