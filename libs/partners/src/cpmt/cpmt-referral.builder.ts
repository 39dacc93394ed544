import { PartnerError } from '../errors/partner.error';
import type { CpmtReferralInput } from '../dossier/partner-dossier-view.types';
import { consentDate, coordinatorOf, defined } from '../dossier/referral.checks';
import type { CpmtReferralV1 } from './cpmt-referral.types';

/**
 * The referral message to the CPMT of the employer's prevention service: who the worker is (no
 * sex, birth date or address: the employer's records and the NISS identify them), the employer
 * and the agreed work, the incapacity start, the purpose, the coordinator and the consent date.
 * No diagnosis and no capacity category: the purpose says what is asked.
 */
export function buildCpmtReferral({
  dossier,
  referral,
  context,
}: CpmtReferralInput): CpmtReferralV1 {
  if (!dossier.employment.hasContract) {
    throw new PartnerError({
      code: 'PARTNER_INPUT_INVALID',
      message: `dossier ${dossier.dossierId} has no employment contract; a CPMT referral needs one`,
      pointer: '/employment/hasContract',
    });
  }
  const coordinator = coordinatorOf(context, referral.coordinator, dossier.dossierId);
  const { insured } = dossier;
  return {
    messageId: context.messageId,
    createdAt: context.createdAt,
    references: {
      dossier: dossier.dossierId,
      referral: referral.referralId,
      insurer: dossier.insurerCode,
    },
    preventionService: {
      enterpriseNumber: referral.preventionService.enterpriseNumber,
      name: referral.preventionService.name,
    },
    worker: {
      niss: insured.niss,
      lastName: insured.lastName,
      firstName: insured.firstName,
      language: insured.language,
    },
    employment: defined({
      employerEnterpriseNumber: referral.employerEnterpriseNumber,
      // The job title is the agreed work only for the employer the referral names.
      jobTitle:
        dossier.employment.employerEnterpriseNumber === referral.employerEnterpriseNumber
          ? dossier.employment.jobTitle
          : undefined,
    }),
    incapacity: { startDate: dossier.incapacity.startDate },
    request: { purpose: referral.purpose, requestedOn: referral.requestedOn },
    coordinator: defined({
      name: coordinator.name,
      phone: coordinator.phone,
      email: coordinator.email,
    }),
    consent: { givenOn: consentDate(dossier, 'cpmt') },
  };
}
