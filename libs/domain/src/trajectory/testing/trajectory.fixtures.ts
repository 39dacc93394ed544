// Event builders for the trajectory specs. Test-only: not exported from the lib's index.
import type { ConsentScope } from '../../events/consent.events';
import type { DossierEventType, EventOf } from '../../events/dossier-event.types';
import type { EmploymentData, ResidenceData, Scheme } from '../../events/dossier.events';

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

/**
 * An event whose data breaks its contract, as a hand-made or corrupted replay could carry: the
 * decider must still refuse it with its own code rather than trust the schema blindly.
 */
export function malformed<TType extends DossierEventType>(
  type: TType,
  data: Record<string, unknown>,
): EventOf<TType> {
  return { type, insurer: INSURER, data } as unknown as EventOf<TType>;
}

/** A residence in Brussels (Actiris) unless another postal code is given. */
export const residence = (postalCode = '1000', nisCode?: string): ResidenceData => ({
  postalCode,
  municipality: 'Testgemeente',
  ...(nisCode === undefined ? {} : { nisCode }),
});

/** Options of a test dossier; the NISS comes from the @rtw/testing factory. */
export interface OpenedOptions {
  readonly niss: string;
  readonly scheme?: Scheme;
  readonly employment?: EmploymentData;
  readonly insurer?: string;
  readonly residence?: ResidenceData;
  readonly incapacityStart?: string;
}

/** `dossier.opened` for a salaried worker with a contract living in Brussels, unless overridden. */
export function dossierOpened(options: OpenedOptions): EventOf<'be.rtw.dossier.opened'> {
  return event(
    'be.rtw.dossier.opened',
    {
      insured: {
        niss: options.niss,
        lastName: 'Voorbeeld',
        firstName: 'Sam',
        sex: 'X',
        birthDate: '1980-05-05',
        language: 'fr',
        residence: options.residence ?? residence(),
      },
      scheme: options.scheme ?? 'salaried',
      employment: options.employment ?? { hasContract: true },
      incapacity: { startDate: options.incapacityStart ?? '2024-01-08', phase: 'primary' },
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
export const capacityAssessed = (category: number, assessedOn = '2024-04-15') =>
  event('be.rtw.capacity.assessed', { category, assessedBy: 'medical-advisor', assessedOn });

/** A CPMT referral with valid (generated-pattern) enterprise numbers. */
export function cpmtReferralRequested(
  referralId: string,
  enterprise: { readonly employer: string; readonly preventionService: string },
  purpose: 'pre-reintegration-visit' | 'reintegration-trajectory' = 'pre-reintegration-visit',
) {
  return event('be.rtw.cpmt.referral.requested', {
    referralId,
    preventionService: { enterpriseNumber: enterprise.preventionService, name: 'Test service' },
    employerEnterpriseNumber: enterprise.employer,
    purpose,
    requestedOn: '2024-05-02',
  });
}

/** A regional referral, to Actiris (competent for the default Brussels residence) by default. */
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

/** A reintegration plan, drafted after the default AMI launch unless dates are given. */
export const planDrafted = (
  planId: string,
  dates: { readonly draftedOn?: string; readonly nextFollowUpOn?: string } = {},
) =>
  event('be.rtw.plan.drafted', {
    planId,
    draftedOn: dates.draftedOn ?? '2024-06-17',
    objectives: ['Build up working hours'],
    finalResult: 'Resume the agreed work',
    actions: [{ description: 'Follow-up with the coordinator' }],
    nextFollowUpOn: dates.nextFollowUpOn ?? '2024-09-02',
    consulted: [],
  });

/** The referral to the coordinator (route A), dated after the default capacity estimate. */
export const coordinatorReferred = (referredOn = '2024-04-20') =>
  event('be.rtw.coordinator.referred', { referredOn });

/** A started trajectory by route A: category 4 estimated, then referred to the coordinator. */
export const routeA = () => [capacityAssessed(4), coordinatorReferred()] as const;

/** A first contact moment scheduled and held on the same day. */
export const contactHeld = (contactId = 'c-first', on = '2024-05-27') =>
  [
    event('be.rtw.contact.scheduled', { contactId, scheduledOn: on, kind: 'first', mode: 'phone' }),
    event('be.rtw.contact.held', { contactId, heldOn: on }),
  ] as const;

/** The prevention service accepts a CPMT referral. */
export const cpmtReferralAccepted = (referralId: string, acceptedOn = '2024-05-06') =>
  event('be.rtw.cpmt.referral.accepted', { referralId, acceptedOn });

/** The regional service acknowledges a registration. */
export const registrationAcknowledged = (referralId: string, acknowledgedOn = '2024-05-06') =>
  event('be.rtw.regional.registration.acknowledged', {
    referralId,
    serviceReference: 'REF-1',
    acknowledgedOn,
  });
