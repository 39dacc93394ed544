import {
  PartnerError,
  type MessageContext,
  type PartnerContracts,
  type PartnerDocument,
  type PartnerErrorCode,
} from '@rtw/partners';
import type { ExchangeVerdict } from '@rtw/registers';
import type { ConnectorDossierView } from '../view/dossier-view.reducer';
import type { ConnectorReferral, ReferralTranslator, Withholding } from './referral.types';
import type { WithheldReason } from './withheld-reasons.data';

/** What becomes of a referral: its document goes to delivery, or the insurer is told why not. */
export type ReferralDecision =
  | { readonly outcome: 'send'; readonly document: PartnerDocument }
  | ({ readonly outcome: 'withhold' } & Withholding);

/** What deciding a referral needs; all of it read before, so the decision itself is pure. */
export interface ReferralCase {
  readonly translator: ReferralTranslator;
  readonly referral: ConnectorReferral;
  /** The connector's copy of the dossier as of this event; undefined when it never saw it. */
  readonly view: ConnectorDossierView | undefined;
  /** The registers' answer, read in the batch's transaction ("consent withdrawn meanwhile"). */
  readonly verdict: ExchangeVerdict;
  readonly contracts: PartnerContracts;
  readonly context: MessageContext;
}

// A builder's refusal as the insurer hears it. Exhaustive: a new PartnerError code does not
// compile until it says how it is told.
const REASON_OF: Readonly<Record<PartnerErrorCode, WithheldReason>> = {
  PARTNER_NOT_COMPETENT: 'NOT_COMPETENT',
  PARTNER_CONSENT_MISSING: 'CONSENT_MISSING',
  PARTNER_INPUT_INVALID: 'MESSAGE_REFUSED',
  PARTNER_DOCUMENT_INVALID: 'MESSAGE_REFUSED',
  PARTNER_DOCUMENT_TOO_LARGE: 'MESSAGE_REFUSED',
  PARTNER_DOCUMENT_MALFORMED: 'MESSAGE_REFUSED',
  PARTNER_DOCUMENT_FORBIDDEN: 'MESSAGE_REFUSED',
  PARTNER_DOCUMENT_UNEXPECTED: 'MESSAGE_REFUSED',
  PARTNER_MEDIA_TYPE_UNSUPPORTED: 'MESSAGE_REFUSED',
  PARTNER_UNKNOWN: 'MESSAGE_REFUSED',
  PARTNER_CONTRACTS_UNUSABLE: 'MESSAGE_REFUSED',
};

// A contract place made of field names only; anything else is left out of the notice.
const SAFE_POINTER = /^(\/[A-Za-z0-9_-]{1,64}){1,8}$/;

/**
 * Decides a referral, first reason wins: a dossier the connector never saw; the partner's own
 * checks (competence for the residence, employment contract, known prevention service); the
 * registers (link current, consent in force, processing not withdrawn); then the partner contract,
 * which may still refuse the document. Only a document that passed all of them is sent.
 */
export function decideReferral(input: ReferralCase): ReferralDecision {
  const { translator, referral, view, verdict } = input;
  if (view === undefined) return { outcome: 'withhold', reason: 'DOSSIER_UNKNOWN' };
  const refused = translator.refusal(view, referral);
  if (refused !== undefined) return { outcome: 'withhold', ...refused };
  if (!verdict.allowed) return { outcome: 'withhold', reason: verdict.reason };
  try {
    const document = translator.build(input.contracts, {
      view,
      referral,
      context: input.context,
    });
    return { outcome: 'send', document };
  } catch (error) {
    if (!(error instanceof PartnerError)) throw error;
    const pointer = error.pointer !== undefined && SAFE_POINTER.test(error.pointer);
    return {
      outcome: 'withhold',
      reason: REASON_OF[error.code],
      ...(pointer ? { pointer: error.pointer } : {}),
      ...(error.code === 'PARTNER_NOT_COMPETENT' ? competentOf(error) : {}),
    };
  }
}

function competentOf(error: PartnerError): { competent?: string } {
  const competent = error.details?.['competent'];
  return typeof competent === 'string' ? { competent } : {};
}
