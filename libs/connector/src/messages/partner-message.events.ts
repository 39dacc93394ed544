// The two hub events a connector writes for a referral: the prepared message for delivery on the
// partner's outbound topic, or the withheld notice on the insurer's topic. Both are checked
// against their own contracts before they reach the outbox.
import type {
  ContractRegistry,
  PartnerMessagePreparedV1,
  PartnerMessageWithheldV1,
} from '@rtw/contracts';
import {
  TOPICS,
  childTraceparent,
  createCloudEvent,
  notifyTopic,
  toKafkaMessage,
  type CloudEvent,
} from '@rtw/messaging';
import type { OutboxMessage } from '@rtw/persistence';
import type { PartnerDocument } from '@rtw/partners';
import { ConnectorError } from '../errors/connector.error';
import type { ConnectorReferral, Withholding } from '../referral/referral.types';
import { withheldMessage } from '../referral/withheld-reasons.data';

/** The hub as a CloudEvents source. */
export const HUB_SOURCE = 'urn:rtw:org:hub';

const PREPARED = 'be.rtw.partner-message.prepared';
const WITHHELD = 'be.rtw.partner-message.withheld';

/** What both events take from the accepted event that caused them. */
interface Caused {
  /** The accepted referral event. */
  readonly cause: CloudEvent;
  readonly referral: ConnectorReferral;
  /** The dossier's insurer (the cause's, else the view's). */
  readonly insurer: string;
  /** The derived message id (`derivedMessageId`). */
  readonly id: string;
  readonly now: Date;
}

/** The prepared message: the partner document with what delivery needs to send it. */
export function preparedEvent(
  args: Caused & { document: PartnerDocument },
): CloudEvent<PartnerMessagePreparedV1> {
  const { referral, document } = args;
  return causedEvent(args, PREPARED, {
    partner: referral.partner,
    organisation: referral.organisation,
    messageType: referral.messageType,
    contract: document.schemaId,
    contentType: document.mediaType,
    body: document.body,
    referralId: referral.referralId,
    causationId: args.cause.id,
  });
}

/** The notice that a referral's message was not sent, and why, for the dossier's insurer. */
export function withheldEvent(
  args: Caused & { withholding: Withholding },
): CloudEvent<PartnerMessageWithheldV1> {
  const { referral, withholding } = args;
  return causedEvent(args, WITHHELD, {
    partner: referral.partner,
    organisation: referral.organisation,
    referralId: referral.referralId,
    reasonCode: withholding.reason,
    message: withheldMessage(withholding.reason, {
      partnerName: referral.partnerName,
      form: referral.form,
      competent: withholding.competent,
      pointer: withholding.pointer,
    }),
    causationId: args.cause.id,
  });
}

/**
 * The outbox row of a hub event, after checking it against its contract: the prepared message on
 * `rtw.outbound.<partner>.v1`, the notice on `rtw.notify.<insurer>.v1`; keyed by the dossier id.
 */
export function outboxMessageOf(
  contracts: ContractRegistry,
  event: CloudEvent<PartnerMessagePreparedV1 | PartnerMessageWithheldV1>,
): OutboxMessage {
  const result = contracts.validateEvent(event);
  if (!result.ok) {
    const [issue] = result.errors;
    throw new ConnectorError({
      code: 'CONNECTOR_MESSAGE_INVALID',
      message: `${event.type} ${event.id} breaks its contract at ${issue?.pointer ?? ''} (${issue?.code ?? ''})`,
      details: { type: event.type, pointer: issue?.pointer, code: issue?.code },
    });
  }
  const topic =
    event.type === PREPARED
      ? TOPICS.outbound[(event.data as PartnerMessagePreparedV1).partner]
      : notifyTopic(event.insurer ?? '');
  return { topic, ...toKafkaMessage(event) };
}

function causedEvent<T>(args: Caused, type: string, data: T): CloudEvent<T> {
  const { cause } = args;
  return createCloudEvent({
    id: args.id,
    source: HUB_SOURCE,
    type,
    subject: cause.subject,
    time: args.now.toISOString(),
    dataschema: `urn:rtw:schema:${type}:v1`,
    insurer: args.insurer,
    ...(cause.correlationid ? { correlationid: cause.correlationid } : {}),
    traceparent: childTraceparent(cause.traceparent),
    data,
  });
}
