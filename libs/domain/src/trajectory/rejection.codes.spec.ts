import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import { REJECTION_CODES, type RejectionCode } from './rejection.codes';
import {
  amiLaunched,
  capacityAssessed,
  consentGiven,
  cpmtReferralRequested,
  dossierOpened,
  event,
  malformed,
  planDrafted,
  regionalReferralRequested,
} from './testing/trajectory.fixtures';
import { given, type Then } from './testing/trajectory.scenario';

// One minimal scenario per rejection code. Typed as a complete record: adding a code without a
// scenario here fails to compile. Area specs cover the variants and the accepted paths.
const niss = generateNiss();
const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};
const opened = dossierOpened({ niss });

const SCENARIOS: Record<RejectionCode, () => Then> = {
  EVENT_TYPE_UNSUPPORTED: () =>
    given(opened).when({ ...opened, type: 'be.rtw.deadline.missed' } as unknown as typeof opened),
  EVENT_DATA_INVALID: () => given(opened).when(capacityAssessed(5)),
  DOSSIER_NOT_OPEN: () => given().when(consentGiven('cpmt')),
  DOSSIER_ALREADY_OPEN: () => given(opened).when(opened),
  DOSSIER_CLOSED: () =>
    given(
      opened,
      event('be.rtw.dossier.closed', { closedOn: '2024-09-01', reason: 'pension' }),
    ).when(consentGiven('cpmt')),
  INSURER_MISMATCH: () =>
    given(opened).when(
      event('be.rtw.consent.given', { scope: 'cpmt', writtenOn: '2024-03-01' }, '200'),
    ),
  INSURER_UNKNOWN: () => given().when(dossierOpened({ niss, insurer: '900' })),
  NISS_INVALID: () => given().when(dossierOpened({ niss: `${niss.slice(0, 10)}x` })),
  ENTERPRISE_NUMBER_INVALID: () =>
    given(opened, consentGiven('cpmt')).when(
      cpmtReferralRequested('r1', { ...enterprise, employer: '2000000000' }),
    ),
  CONSENT_MISSING: () => given(opened).when(cpmtReferralRequested('r1', enterprise)),
  NO_EMPLOYMENT_CONTRACT: () =>
    given(dossierOpened({ niss, employment: { hasContract: false } }), consentGiven('cpmt')).when(
      cpmtReferralRequested('r1', enterprise),
    ),
  CATEGORY_NOT_REFERABLE: () =>
    given(opened, capacityAssessed(2)).when(
      event('be.rtw.coordinator.referred', { referredOn: '2024-05-01' }),
    ),
  REFERRAL_ALREADY_EXISTS: () =>
    given(opened, consentGiven('regional-service'), regionalReferralRequested('r1')).when(
      regionalReferralRequested('r1'),
    ),
  UNKNOWN_REFERRAL: () =>
    given(opened).when(
      event('be.rtw.cpmt.referral.accepted', { referralId: 'r1', acceptedOn: '2024-05-03' }),
    ),
  ROUTE_B_NOT_REQUESTED: () =>
    given(opened).when(
      event('be.rtw.routeb.decided', { decision: 'accepted', decidedOn: '2024-05-03' }),
    ),
  UNKNOWN_CONTACT: () =>
    given(opened).when(event('be.rtw.contact.held', { contactId: 'c1', heldOn: '2024-05-03' })),
  AMI_ALREADY_LAUNCHED: () => given(opened, amiLaunched(2)).when(amiLaunched(2)),
  AMI_CASE_INCONSISTENT: () => given(opened).when(amiLaunched(1)),
  ENGAGEMENT_DECLARATION_INCOMPLETE: () =>
    given(opened).when(
      malformed('be.rtw.ami.launched', {
        case: 2,
        launchedOn: '2024-06-03',
        engagementDeclaration: {},
      }),
    ),
  AMI_NOT_LAUNCHED: () =>
    given(opened).when(
      event('be.rtw.ami.suspended', { suspendedOn: '2024-07-01', reason: 'other' }),
    ),
  AMI_NOT_SUSPENDED: () =>
    given(opened, amiLaunched(2)).when(event('be.rtw.ami.resumed', { resumedOn: '2024-07-01' })),
  PLAN_WITHOUT_AMI: () => given(opened).when(planDrafted('p1')),
  UNKNOWN_PLAN: () =>
    given(opened, amiLaunched(2)).when(
      event('be.rtw.plan.evaluated', {
        planId: 'p1',
        evaluatedOn: '2024-09-01',
        result: 'achieved',
      }),
    ),
};

describe('rejection codes', () => {
  it.each(Object.keys(SCENARIOS) as RejectionCode[])('%s is produced by its scenario', (code) => {
    expect(SCENARIOS[code]().thenRejected(code)).toMatchObject({ accepted: false, code });
  });

  it.each(Object.entries(REJECTION_CODES))(
    '%s has a one-line explanation',
    (_code, explanation) => {
      expect(explanation).toMatch(/^[A-Z].{10,}\.$/);
      expect(explanation).not.toContain('\n');
    },
  );

  it('never puts the NISS in a rejection message', () => {
    const bad = `${niss.slice(0, 9)}${String((Number(niss.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const rejection = given()
      .when(dossierOpened({ niss: bad }))
      .thenRejected('NISS_INVALID');
    expect(rejection.message).not.toContain(bad.slice(0, 6));
    expect(rejection.message).toContain('NISS_CHECK_DIGITS');
  });
});
