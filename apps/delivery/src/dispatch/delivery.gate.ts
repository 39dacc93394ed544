import { isRetriable, errorCode } from '@rtw/platform';
import type { DossierRegisters, ExchangeRefusal } from '@rtw/registers';
import type { PartnerContracts, ContractRefusalCode } from '../contracts/partner-contracts.port';
import type { PartnerDirectory } from '../directory/partner.directory';
import type { PartnerOrganisation } from '../directory/directory.types';
import type { PayloadStore } from '../payload/payload-store.port';
import type { QueuedMessage } from '../queue/delivery-message.types';

/** Why the hub will not send a message now (final for this round; replayable). */
export type RefusalCode =
  'ORGANISATION_UNKNOWN' | ExchangeRefusal | ContractRefusalCode | 'PAYLOAD_NOT_FOUND';

/** The gate's verdict on one message. */
export type GateVerdict =
  | { readonly kind: 'send'; readonly organisation: PartnerOrganisation; readonly body: Buffer }
  | {
      readonly kind: 'refuse';
      readonly code: RefusalCode;
      readonly message: string;
      readonly pointer?: string;
    }
  /** Something the hub depends on is away (the payload store): try again later, nothing counted. */
  | { readonly kind: 'later'; readonly code: string };

/**
 * What must hold before a message leaves the hub, asked before each attempt and each replay
 * (ADR 0060, 0061): the organisation is in the directory; for prevention services and regional
 * services, the registers say the dossier is linked to it (for the referral) and the insured's
 * consent stands (INAMI receives anonymised data and is not in the registers); the body can be
 * read; and, when asked (first attempt, replay), it meets the partner contract.
 */
export class DeliveryGate {
  constructor(
    private readonly parts: {
      readonly directory: PartnerDirectory;
      readonly registers: Pick<DossierRegisters, 'mayExchange'>;
      readonly contracts: PartnerContracts;
      readonly payloads: PayloadStore;
    },
  ) {}

  async judge(message: QueuedMessage, options: { checkContract: boolean }): Promise<GateVerdict> {
    const organisation = this.parts.directory.byId(message.organisationId);
    if (!organisation)
      return refuse('ORGANISATION_UNKNOWN', 'the organisation is not in the partner directory');
    if (organisation.kind !== 'inami') {
      const verdict = await this.parts.registers.mayExchange(
        message.dossierId,
        { kind: organisation.kind, code: organisation.code },
        message.referralId === undefined ? {} : { referralId: message.referralId },
      );
      if (!verdict.allowed) return refuse(verdict.reason, EXCHANGE_MESSAGES[verdict.reason]);
    }
    let body: Buffer;
    try {
      body = await this.bodyOf(message);
    } catch (error) {
      if (isRetriable(error)) return { kind: 'later', code: errorCode(error) };
      return refuse('PAYLOAD_NOT_FOUND', 'the referenced body cannot be found');
    }
    if (options.checkContract) {
      const verdict = this.parts.contracts.validate(message.contract, message.contentType, body);
      if (!verdict.ok)
        return {
          kind: 'refuse',
          code: verdict.code,
          message: verdict.message,
          ...(verdict.pointer === undefined ? {} : { pointer: verdict.pointer }),
        };
    }
    return { kind: 'send', organisation, body };
  }

  private async bodyOf(message: QueuedMessage): Promise<Buffer> {
    const { body, bodyRef } = message.event.data;
    if (body !== undefined) return Buffer.from(body, 'utf8');
    return this.parts.payloads.read(bodyRef!);
  }
}

const EXCHANGE_MESSAGES: Readonly<Record<ExchangeRefusal, string>> = {
  NOT_LINKED: 'the dossier is not linked to this organisation (no current referral)',
  CONSENT_MISSING: "the insured's consent for this exchange is missing",
  CONSENT_WITHDRAWN: 'the insured withdrew consent for this exchange',
  DATA_PROCESSING_WITHDRAWN: 'the insured withdrew consent to the processing of the dossier',
};

function refuse(code: RefusalCode, message: string): GateVerdict {
  return { kind: 'refuse', code, message };
}
