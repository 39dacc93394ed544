import type { RegionalReferralRequestedV2 } from '@rtw/contracts';
import {
  REGIONAL_SERVICES,
  clockStartOn,
  competentRegionalService,
  dueWindow,
  rulesStartedBy,
  type DossierEventType,
  type RegionalServiceId,
} from '@rtw/domain';
import type { CloudEvent } from '@rtw/messaging';
import type { MessageContext } from '@rtw/partners';
import { readableVersion } from '../view/event-version';
import type { ReferralTranslator } from './referral.types';

const REFERRAL = 'be.rtw.regional.referral.requested';
const PRESENTED = 'be.rtw.regional.insured.presented';

/**
 * Translates regional referrals for the given services (Actiris alone in the Actiris connector;
 * VDAB, Le Forem and ADG in the regional one). A referral names its service; the tracker accepted
 * it only for the service competent for the residence, and the connector checks that again against
 * its own copy of the residence (NIS code first, then postal code; never the employer).
 */
export function regionalReferralTranslator(
  services: readonly RegionalServiceId[],
): ReferralTranslator {
  return {
    referralVersions: { [REFERRAL]: [1, 2] },
    referralOf: (event) => {
      if (event.type !== REFERRAL) return undefined;
      readableVersion(event, [1, 2]);
      // v1 data is valid v2 data (v2 only adds optional fields).
      const data = (event as CloudEvent<RegionalReferralRequestedV2>).data;
      if (!services.includes(data.service)) return undefined;
      const service = REGIONAL_SERVICES[data.service];
      return {
        kind: 'regional',
        referralId: data.referralId,
        partner: data.service,
        organisation: { kind: 'regional', code: data.service },
        messageType: service.referralForm.toLowerCase(),
        partnerName: service.name,
        form: service.referralForm,
        data,
      };
    },
    refusal: (view, referral) => {
      if (referral.kind !== 'regional') return undefined;
      const competent = competentRegionalService(view.insured.residence);
      if (competent === referral.data.service) return undefined;
      return {
        reason: 'NOT_COMPETENT',
        competent: competent === undefined ? undefined : REGIONAL_SERVICES[competent].name,
      };
    },
    contextFor: (event) => ({ presentationDeadline: presentationDeadline(event) }),
    build: (contracts, { view, referral, context }) => {
      if (referral.kind !== 'regional') throw new TypeError('not a regional referral');
      return contracts.buildRegionalReferral({ dossier: view, referral: referral.data, context });
    },
  };
}

/**
 * The last day to present at Actiris, from the legal calendar: the clock this referral starts and
 * the insured's presentation settles. Undefined for the other services, which have no such clock.
 */
export function presentationDeadline(event: CloudEvent): MessageContext['presentationDeadline'] {
  for (const rule of rulesStartedBy(event.type as DossierEventType)) {
    if (!rule.fulfilledBy.includes(PRESENTED)) continue;
    const start = clockStartOn(rule, event);
    if (start !== undefined) return dueWindow(rule, start).dueOn;
  }
  return undefined;
}
