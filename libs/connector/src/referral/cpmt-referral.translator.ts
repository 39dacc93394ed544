import type { CpmtReferralRequestedV2 } from '@rtw/contracts';
import type { CloudEvent } from '@rtw/messaging';
import type { PreventionServiceDirectory } from '../reference-data/prevention-services';
import { readableVersion } from '../view/event-version';
import type { ReferralTranslator } from './referral.types';

const REFERRAL = 'be.rtw.cpmt.referral.requested';

/**
 * Translates CPMT referrals (pre-reintegration visit or reintegration trajectory) and routes each
 * to the prevention service it names, which must be in the directory; an internal service takes
 * referrals only for its own employer's staff. Needs an employment contract in the dossier.
 */
export function cpmtReferralTranslator(directory: PreventionServiceDirectory): ReferralTranslator {
  return {
    referralVersions: { [REFERRAL]: [1, 2] },
    referralOf: (event) => {
      if (event.type !== REFERRAL) return undefined;
      readableVersion(event, [1, 2]);
      // v1 data is valid v2 data (v2 only adds the coordinator).
      const data = (event as CloudEvent<CpmtReferralRequestedV2>).data;
      return {
        kind: 'cpmt',
        referralId: data.referralId,
        partner: 'cpmt',
        organisation: { kind: 'cpmt', code: data.preventionService.enterpriseNumber },
        messageType: 'cpmt-referral',
        partnerName: 'the CPMT of the prevention service',
        form: 'CPMT referral',
        data,
      };
    },
    refusal: (view, referral) => {
      if (referral.kind !== 'cpmt') return undefined;
      if (!view.employment.hasContract) return { reason: 'NO_EMPLOYMENT_CONTRACT' };
      const service = directory.find(referral.data.preventionService.enterpriseNumber);
      if (service === undefined) return { reason: 'PREVENTION_SERVICE_UNKNOWN' };
      if (
        service.kind === 'internal' &&
        service.employerEnterpriseNumber !== referral.data.employerEnterpriseNumber
      )
        return { reason: 'PREVENTION_SERVICE_NOT_FOR_EMPLOYER' };
      return undefined;
    },
    contextFor: () => ({}),
    build: (contracts, { view, referral, context }) => {
      if (referral.kind !== 'cpmt') throw new TypeError('not a CPMT referral');
      const service = directory.find(referral.data.preventionService.enterpriseNumber);
      // The directory's name is the hub's reference; the referral's is the insurer's spelling.
      const preventionService = service
        ? { enterpriseNumber: service.enterpriseNumber, name: service.name }
        : referral.data.preventionService;
      return contracts.buildCpmtReferral({
        dossier: view,
        referral: { ...referral.data, preventionService },
        context,
      });
    },
  };
}
