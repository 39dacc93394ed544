import type { CpmtReferralRequestedV2, RegionalReferralRequestedV2 } from '@rtw/contracts';
import type { MessageContext, PartnerCode, PartnerContracts, PartnerDocument } from '@rtw/partners';
import type { CloudEvent } from '@rtw/messaging';
import type { PartnerRef } from '@rtw/registers';
import type { ConnectorDossierView } from '../view/dossier-view.reducer';
import type { WithheldReason } from './withheld-reasons.data';

/** What every referral a connector handles has in common. */
interface ReferralBase {
  readonly referralId: string;
  /** The partner family (names the outbound topic). */
  readonly partner: PartnerCode;
  /** The receiving organisation, as the registers and delivery know it. */
  readonly organisation: PartnerRef;
  /** The partner's name for the message (`fia`, `amf`, `cpmt-referral`...). */
  readonly messageType: string;
  /** For notices: the partner's name and its form's. */
  readonly partnerName: string;
  readonly form: string;
}

/** A referral this connector translates, read from an accepted `*.referral.requested` event. */
export type ConnectorReferral =
  | (ReferralBase & { readonly kind: 'regional'; readonly data: RegionalReferralRequestedV2 })
  | (ReferralBase & { readonly kind: 'cpmt'; readonly data: CpmtReferralRequestedV2 });

/** Why a referral's message is not built, with what the notice may say. */
export interface Withholding {
  readonly reason: WithheldReason;
  /** The competent regional service's name (NOT_COMPETENT). */
  readonly competent?: string;
  /** Where the partner contract refused the message (MESSAGE_REFUSED). */
  readonly pointer?: string;
}

/**
 * What makes one connector differ from another: which referrals are its business, what it checks
 * before building (competence, contract, directory), and which partner document it builds.
 * Everything else (view, registers, idempotency, notices, outbox) is the kit's.
 */
export interface ReferralTranslator {
  /** The referral event types this connector reads, with the contract versions it understands. */
  readonly referralVersions: Readonly<Record<string, readonly number[]>>;
  /** The referral in an accepted event when it is this connector's business; undefined otherwise. */
  referralOf(event: CloudEvent): ConnectorReferral | undefined;
  /** Partner-specific reasons not to build; undefined when the message may be built. */
  refusal(view: ConnectorDossierView, referral: ConnectorReferral): Withholding | undefined;
  /** Extra context for the builder (the Actiris presentation deadline). */
  contextFor(event: CloudEvent, referral: ConnectorReferral): Partial<MessageContext>;
  /** The partner document, validated by its contract; throws PartnerError when refused. */
  build(
    contracts: PartnerContracts,
    input: { view: ConnectorDossierView; referral: ConnectorReferral; context: MessageContext },
  ): PartnerDocument;
}
