import type { PartnerCode } from './partner-contracts.data';

/** Where a partner's referral message holds its id and the references its answers repeat. */
export interface MessageHeaderWords {
  readonly messageId: string;
  readonly references: string;
  readonly dossier: string;
  readonly referral: string;
}

/** The header words of each partner's referral message, in the contract's language. */
export const MESSAGE_HEADERS: Readonly<Record<PartnerCode, MessageHeaderWords>> = {
  actiris: {
    messageId: 'identifiantMessage',
    references: 'references',
    dossier: 'dossier',
    referral: 'demande',
  },
  forem: {
    messageId: 'identifiantMessage',
    references: 'references',
    dossier: 'dossier',
    referral: 'demande',
  },
  vdab: {
    messageId: 'berichtId',
    references: 'referenties',
    dossier: 'dossier',
    referral: 'aanvraag',
  },
  adg: {
    messageId: 'nachrichtId',
    references: 'referenzen',
    dossier: 'dossier',
    referral: 'antrag',
  },
  cpmt: {
    messageId: 'messageId',
    references: 'references',
    dossier: 'dossier',
    referral: 'referral',
  },
};
