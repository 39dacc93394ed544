import type { ContractRegistry } from '@rtw/contracts';
import type { CloudEvent, Partner } from '@rtw/messaging';
import { IntakeError } from './intake.error';
import type { PreparedMessageData } from './delivery-message.types';

/** The one event type on the outbound topics. */
export const PREPARED_TYPE = 'be.rtw.partner-message.prepared';
const HUB_SOURCE = 'urn:rtw:org:hub';
/** Message ids are business references (they travel in receipts): 1 to 64 safe characters. */
const MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const REGIONAL = new Set<Partner>(['actiris', 'vdab', 'forem', 'adg']);

/**
 * Accepts a record of `rtw.outbound.<partner>.v1` (its partner given) as a partner message, or throws an IntakeError
 * saying why not: the prepared-message contract, the hub as source, a usable id, the topic's
 * partner, and an organisation of that partner (a CPMT message to a prevention service, a
 * regional message to that service, INAMI to INAMI).
 */
export function checkPreparedMessage(
  contracts: ContractRegistry,
  event: CloudEvent,
  partner: Partner | undefined,
): CloudEvent<PreparedMessageData> {
  if (!partner) throw new IntakeError('TOPIC_UNKNOWN', 'the record is not on an outbound topic');
  if (event.type !== PREPARED_TYPE)
    throw new IntakeError('MESSAGE_TYPE_UNEXPECTED', `outbound topics carry ${PREPARED_TYPE} only`);
  const verdict = contracts.validateEvent(event);
  if (!verdict.ok) {
    const issue = verdict.errors[0]!;
    throw new IntakeError(
      'MESSAGE_CONTRACT_INVALID',
      `the message breaks its contract at ${issue.pointer} (${issue.code})`,
    );
  }
  if (event.source !== HUB_SOURCE)
    throw new IntakeError('MESSAGE_SOURCE_NOT_HUB', 'partner messages come from the hub only');
  if (!MESSAGE_ID.test(event.id))
    throw new IntakeError(
      'MESSAGE_ID_INVALID',
      'a message id has 1 to 64 letters, digits or . _ : -',
    );
  const data = event.data as PreparedMessageData;
  if (data.partner !== partner)
    throw new IntakeError('PARTNER_MISMATCH', `the message is for ${data.partner}, not ${partner}`);
  if (!belongsTo(data.organisation, partner))
    throw new IntakeError('ORGANISATION_MISMATCH', `the organisation is not one of ${partner}`);
  return event as CloudEvent<PreparedMessageData>;
}

function belongsTo(organisation: PreparedMessageData['organisation'], partner: Partner): boolean {
  if (partner === 'cpmt') return organisation.kind === 'cpmt';
  if (partner === 'inami') return organisation.kind === 'inami' && organisation.code === 'inami';
  return REGIONAL.has(partner) && organisation.kind === 'regional' && organisation.code === partner;
}
