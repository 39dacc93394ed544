// Event builders for the trajectory specs. Test-only: not exported from the lib's index.
import type { DossierEventType, EventOf } from '../../events/dossier-event.types';
import type { EmploymentData, Scheme } from '../../events/dossier.events';
import type { ConsentScope } from '../../events/consent.events';

/** The insurer that owns the dossiers built here. */
export const INSURER = '100';

/** Any dossier event, with the default insurer unless one is given. */
export function event<TType extends DossierEventType>(
  type: TType,
  data: EventOf<TType>['data'],
  insurer: string = INSURER,
): EventOf<TType> {
  return { type, insurer, data } as EventOf<TType>;
}

/** Options of a test dossier; the NISS comes from the @rtw/testing factory. */
export interface OpenedOptions {
  readonly niss: string;
  readonly scheme?: Scheme;
  readonly employment?: EmploymentData;
  readonly insurer?: string;
}

/** `dossier.opened` for a salaried worker with a contract living in Brussels, unless overridden. */
export function dossierOpened(options: OpenedOptions): EventOf<'be.rtw.dossier.opened'> {
  return event(
    'be.rtw.dossier.opened',
    {
      insured: { niss: options.niss, residence: { postalCode: '1000' } },
      scheme: options.scheme ?? 'salaried',
      employment: options.employment ?? { hasContract: true },
      incapacity: { startDate: '2024-01-08', phase: 'primary' },
    },
    options.insurer,
  );
}

/** Consent given for one scope. */
export const consentGiven = (scope: ConsentScope) =>
  event('be.rtw.consent.given', { scope, writtenOn: '2024-03-01' });

/** Consent withdrawn for one scope. */
export const consentWithdrawn = (scope: ConsentScope) =>
  event('be.rtw.consent.withdrawn', { scope, withdrawnOn: '2024-03-15' });

/** Capacity estimate with the given category. */
export const capacityAssessed = (category: number) =>
  event('be.rtw.capacity.assessed', { category, assessedOn: '2024-04-15' });

/** A CPMT referral with valid (generated-pattern) enterprise numbers. */
export function cpmtReferralRequested(
  referralId: string,
  enterprise: { readonly employer: string; readonly preventionService: string },
  purpose: 'pre-reintegration-visit' | 'reintegration-trajectory' = 'pre-reintegration-visit',
) {
  return event('be.rtw.cpmt.referral.requested', {
    referralId,
    preventionService: { enterpriseNumber: enterprise.preventionService },
    employerEnterpriseNumber: enterprise.employer,
    purpose,
    requestedOn: '2024-05-02',
  });
}

/** A regional referral. */
export const regionalReferralRequested = (
  referralId: string,
  service: 'actiris' | 'vdab' | 'forem' | 'adg' = 'actiris',
) =>
  event('be.rtw.regional.referral.requested', {
    referralId,
    service,
    purpose: 'registration',
    requestedOn: '2024-05-02',
  });

/** An AMI launch with a complete engagement declaration. */
export const amiLaunched = (amiCase: number) =>
  event('be.rtw.ami.launched', {
    case: amiCase,
    launchedOn: '2024-06-03',
    engagementDeclaration: {
      coordinatorSignedOn: '2024-06-03',
      medicalAdvisorSignedOn: '2024-06-03',
      insuredSignedOn: '2024-06-03',
    },
  });

/** A reintegration plan. */
export const planDrafted = (planId: string) =>
  event('be.rtw.plan.drafted', { planId, draftedOn: '2024-06-17', nextFollowUpOn: '2024-09-02' });
