import { parseStrictJsonBytes } from '@rtw/ingress';
import { HubError, type Clock } from '@rtw/platform';
import {
  PartnerError,
  partnerMediaType,
  type InamiDatasetContract,
  type PartnerContracts,
  type CpmtReferralV1,
  type ReadMessage,
} from '@rtw/partners';
import { parseXml } from '@rtw/xml';
import type { CallbackScheduler } from '../callbacks/callback.scheduler';
import type { FaultControls } from '../faults/fault.controls';
import type { SandboxOrganisation } from '../organisations/sandbox-organisations';
import type { DeliverySignatureVerifier } from '../signatures/delivery-signature.verifier';
import type { AttemptOutcome, DeliveryLedger } from './delivery.ledger';

/** A delivery as the sandbox's endpoint received it. */
export interface IncomingDelivery {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Buffer;
}

/** What to do with the HTTP exchange. */
export type ReceiverAnswer =
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly body: Record<string, unknown>;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** The `timeout` fault: answer nothing, hold the connection. */
  | { readonly kind: 'hold' }
  /** The `down` fault: drop the connection without a word. */
  | { readonly kind: 'drop' };

/**
 * A partner's receiving end, one delivery at a time: the organisation's current fault first (as
 * a real service's front would: rate limiting, errors, hangs, outages), then the Standard
 * Webhooks signature and its time window, then the document against the partner's contract, then
 * idempotency (a re-sent key is acknowledged again, not processed twice); a new message is
 * acknowledged synchronously and its scripted answers start asynchronously.
 */
export class MessageReceiver {
  constructor(
    private readonly parts: {
      readonly contracts: PartnerContracts;
      /** INAMI's dataset contract (ADR 0082); without it a well-formed document is enough. */
      readonly inamiDataset?: InamiDatasetContract;
      readonly secrets: ReadonlyMap<string, readonly string[]>;
      readonly verifier: DeliverySignatureVerifier;
      readonly ledger: DeliveryLedger;
      readonly faults: FaultControls;
      readonly callbacks: Pick<CallbackScheduler, 'schedule'>;
      readonly clock: Clock;
      readonly maxMessageBytes: number;
    },
  ) {}

  receive(organisation: SandboxOrganisation, delivery: IncomingDelivery): ReceiverAnswer {
    const now = this.parts.clock.now();
    const key = idempotencyKeyOf(delivery.headers);
    const count = (outcome: AttemptOutcome, status?: number) =>
      this.parts.ledger.attempt(organisation.id, key, outcome, status, now);

    const fault = this.parts.faults.decide(organisation.id, now.getTime());
    const control = this.parts.faults.get(organisation.id, now.getTime());
    switch (fault) {
      case 'rate-limit':
        count('rate-limited', 429);
        return respond(429, problem('RATE_LIMITED', 'too many requests: try again later'), {
          'Retry-After': String(control.retryAfterS),
        });
      case 'error-5xx':
        count('failed', 500);
        return respond(500, problem('PARTNER_FAILURE', 'the service failed to take the message'));
      case 'timeout':
        count('timed-out');
        return { kind: 'hold' };
      case 'down':
        count('dropped');
        return { kind: 'drop' };
      case 'ok':
      case 'ok-malformed-answers':
      case 'refuse':
        break;
    }

    const verdict = this.parts.verifier.verify({
      headers: delivery.headers,
      body: delivery.body,
      secrets: this.parts.secrets.get(organisation.id) ?? [],
      now,
    });
    if (!verdict.ok) {
      count('unauthorised', 401);
      return respond(401, problem(verdict.code, verdict.message));
    }

    if (this.parts.ledger.isProcessed(organisation.id, key)) {
      count('replayed', 202);
      return respond(
        202,
        { status: 'already-received', organisation: organisation.id, idempotencyKey: key },
        { 'Idempotent-Replay': 'true' },
      );
    }

    const read = fault === 'refuse' ? refusedByScript() : this.read(organisation, delivery);
    if ('refusal' in read) {
      count('refused', read.refusal.status);
      return respond(read.refusal.status, read.refusal.body);
    }
    count('acknowledged', 202);
    this.parts.ledger.markProcessed(organisation.id, key, {
      ...(read.message
        ? {
            messageId: read.message.messageId,
            dossierId: read.message.dossierId,
            referralId: read.message.referralId,
          }
        : {}),
    });
    if (read.message)
      this.parts.callbacks.schedule({
        organisation,
        message: read.message,
        idempotencyKey: key,
        malformed: fault === 'ok-malformed-answers',
      });
    return respond(202, {
      status: 'received',
      organisation: organisation.id,
      idempotencyKey: key,
      ...(read.message ? { messageId: read.message.messageId } : {}),
    });
  }

  /** The message read against the partner's contract, or the refusal to answer. */
  private read(
    organisation: SandboxOrganisation,
    delivery: IncomingDelivery,
  ): { message?: ReadMessage } | { refusal: { status: number; body: Record<string, unknown> } } {
    const contentType = headerOf(delivery.headers, 'content-type') ?? '';
    const mediaType = partnerMediaType(contentType);
    if (mediaType === undefined)
      return refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/xml or application/json');
    if (delivery.body.length > this.parts.maxMessageBytes)
      return refused(413, 'PAYLOAD_TOO_LARGE', 'the message is larger than this service takes');
    if (organisation.partner === 'inami') return this.readDataset(mediaType, delivery.body);
    try {
      const message = this.parts.contracts.readMessage<CpmtReferralV1>(organisation.partner, {
        body: delivery.body,
        contentType: mediaType,
      });
      // A prevention service takes only referrals that name it (a misrouted one is refused).
      if (
        organisation.kind === 'cpmt' &&
        message.content.preventionService.enterpriseNumber !== organisation.code
      )
        return refused(
          422,
          'NOT_THE_ADDRESSEE',
          'the referral names another prevention service',
          '/preventionService/enterpriseNumber',
        );
      return { message };
    } catch (error) {
      if (!(error instanceof PartnerError)) throw error;
      return refused(
        error.code === 'PARTNER_MEDIA_TYPE_UNSUPPORTED' ? 415 : 422,
        error.code,
        error.message,
        error.pointer,
      );
    }
  }

  /**
   * INAMI's yearly dataset: checked whole against its contract (`@rtw/partners`
   * InamiDatasetContract, ADR 0082) and acknowledged; without the contract (unit tests), a safe,
   * well-formed XML or JSON document is enough.
   */
  private readDataset(
    mediaType: 'application/xml' | 'application/json',
    body: Buffer,
  ): { message?: ReadMessage } | { refusal: { status: number; body: Record<string, unknown> } } {
    if (this.parts.inamiDataset) {
      try {
        this.parts.inamiDataset.check({ body, contentType: mediaType }, this.parts.maxMessageBytes);
        return {};
      } catch (error) {
        if (!(error instanceof PartnerError)) throw error;
        return refused(422, error.code, error.message, error.pointer);
      }
    }
    try {
      if (mediaType === 'application/json') parseStrictJsonBytes(body);
      else parseXml(body, { maxBytes: this.parts.maxMessageBytes });
      return {};
    } catch (error) {
      const code = error instanceof HubError ? error.code : 'DATASET_MALFORMED';
      return refused(422, code, 'the dataset is not a well-formed, safe document');
    }
  }
}

/** The delivery's idempotency key: `Idempotency-Key`, else the signature's `webhook-id`. */
export function idempotencyKeyOf(headers: IncomingDelivery['headers']): string {
  return (
    headerOf(headers, 'idempotency-key') ??
    headerOf(headers, 'webhook-id') ??
    '(no key)'
  ).slice(0, 200);
}

function headerOf(headers: IncomingDelivery['headers'], name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function problem(code: string, message: string, pointer?: string): Record<string, unknown> {
  return pointer === undefined ? { code, message } : { code, message, pointer };
}

function respond(
  status: number,
  body: Record<string, unknown>,
  headers?: Readonly<Record<string, string>>,
): ReceiverAnswer {
  return { kind: 'respond', status, body, ...(headers ? { headers } : {}) };
}

/** The `refuse` control: the document is refused with reasons, whatever it holds. */
function refusedByScript() {
  return {
    refusal: {
      status: 422,
      body: {
        ...problem('REFUSED', 'the service refuses this message'),
        reasons: [{ code: 'REFUSED_BY_SCRIPT', text: 'refused as the sandbox was told to' }],
      },
    },
  };
}

function refused(status: number, code: string, message: string, pointer?: string) {
  return { refusal: { status, body: problem(code, message, pointer) } };
}
