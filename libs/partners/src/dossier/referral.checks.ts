import {
  type Language,
  REGIONAL_SERVICES,
  type RegionalServiceId,
  competentRegionalService,
} from '@rtw/domain';
import { PartnerError } from '../errors/partner.error';
import type {
  ConsentScope,
  CoordinatorContact,
  MessageContext,
  PartnerDossierView,
} from './partner-dossier-view.types';

/**
 * Date of the consent that allows this exchange. The tracker refuses a referral without consent;
 * checking again here keeps a message from ever leaving without the date it must carry.
 */
export function consentDate(dossier: PartnerDossierView, scope: ConsentScope): string {
  const date = Object.hasOwn(dossier.consents, scope) ? dossier.consents[scope] : undefined;
  if (date === undefined) {
    throw new PartnerError({
      code: 'PARTNER_CONSENT_MISSING',
      message: `dossier ${dossier.dossierId} has no ${scope} consent in force`,
      details: { scope },
    });
  }
  return date;
}

/**
 * Refuses a referral to (or an answer from) a regional service that is not competent for the
 * insured's residence (residence decides, not the employer; a known NIS code beats the postal
 * code). Builders call it; the tracker or gateway can call it for answers.
 */
export function requireCompetentService(
  service: RegionalServiceId,
  dossier: {
    readonly dossierId: string;
    readonly insured: Pick<PartnerDossierView['insured'], 'residence'>;
  },
): void {
  const competent = competentRegionalService(dossier.insured.residence);
  if (competent !== service) {
    throw new PartnerError({
      code: 'PARTNER_NOT_COMPETENT',
      message: `${service} is not competent for the residence of dossier ${dossier.dossierId}; ${competent ?? 'no service'} is`,
      details: { service, competent: competent ?? null },
    });
  }
}

/**
 * The language in which the service contacts the insured: the one the referral asks for, else the
 * dossier's correspondence language, when the service offers it; otherwise its default language.
 */
export function contactLanguage(
  service: RegionalServiceId,
  requested: Language | undefined,
  correspondence: Language,
): Language {
  const offered = REGIONAL_SERVICES[service].languages;
  const wanted = requested ?? correspondence;
  return offered.includes(wanted) ? wanted : offered[0]!;
}

/** The coordinator to name: the caller's choice, else the referral's; one is required. */
export function coordinatorOf(
  context: MessageContext,
  fromReferral: CoordinatorContact | undefined,
  dossierId: string,
): CoordinatorContact {
  const coordinator = context.coordinator ?? fromReferral;
  if (coordinator === undefined) {
    throw new PartnerError({
      code: 'PARTNER_INPUT_INVALID',
      message: `referral of dossier ${dossierId} names no coordinator; partner messages require one`,
      pointer: '/coordinator',
    });
  }
  return coordinator;
}

/** Copies only the keys whose value is defined, so optional fields stay absent, not undefined. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Refuses a disability partner the service does not work with (GTB goes with VDAB, AViQ with
 * Le Forem); returns whether the service's own partner is involved.
 */
export function disabilityPartnerInvolved(
  service: RegionalServiceId,
  requested: 'gtb' | 'aviq' | 'none' | undefined,
): boolean {
  if (requested === undefined || requested === 'none') return false;
  if (REGIONAL_SERVICES[service].disabilityPartner === requested) return true;
  throw new PartnerError({
    code: 'PARTNER_INPUT_INVALID',
    message: `${service} does not work with the disability partner ${requested}`,
    pointer: '/disabilityPartner',
    details: { service, disabilityPartner: requested },
  });
}
