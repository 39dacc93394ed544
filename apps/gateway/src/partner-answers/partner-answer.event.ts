import { createHash } from 'node:crypto';
import type { CanonicalEvent } from '@rtw/contracts';
import type { Organisation } from '@rtw/ingress';
import type { TranslatedAnswer } from '@rtw/partners';

/**
 * The event id of a partner's answer: a name-based UUID (version 8, RFC 9562, from SHA-256) of the
 * partner's source and the answer's own id. The same answer sent again gets the same id, so the
 * gateway's idempotency (source + id, ADR 0021) recognises it; two partners' ids never collide.
 */
export function answerEventId(source: string, answerId: string): string {
  const bytes = createHash('sha256')
    .update(`urn:rtw:partner-answer\n${source}\n${answerId}`)
    .digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The canonical CloudEvent a partner's answer becomes: published under the partner's own source,
 * about the dossier the answer names (lower case, as the envelope requires), owned by the insurer
 * the hub knows for that dossier, and stamped with the answer's own send time. Everything comes
 * from the answer or the hub's records, so a re-sent answer is the same event, byte for byte.
 */
export function answerEvent(
  organisation: Organisation,
  answer: TranslatedAnswer,
  insurer: string,
): CanonicalEvent {
  return {
    specversion: '1.0',
    id: answerEventId(organisation.source, answer.answerId),
    source: organisation.source,
    type: answer.event.type,
    subject: answer.dossierId.toLowerCase(),
    time: answer.sentAt,
    datacontenttype: 'application/json',
    dataschema: answer.event.dataschema,
    insurer,
    data: answer.event.data,
  } as unknown as CanonicalEvent;
}
