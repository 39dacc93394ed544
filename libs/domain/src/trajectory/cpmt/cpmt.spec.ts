import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import {
  capacityAssessed,
  consentGiven,
  consentWithdrawn,
  cpmtReferralRequested,
  dossierOpened,
  event,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};
const opened = dossierOpened({ niss: generateNiss() });
const referral = cpmtReferralRequested('r1', enterprise);
const withReferral = [opened, consentGiven('cpmt'), referral] as const;

describe('CPMT referral', () => {
  it('records the referral with consent for the CPMT and an employment contract', () => {
    const state = given(opened, consentGiven('cpmt')).when(referral).thenAccepted();
    expect(state.cpmtReferrals['r1']).toEqual({
      referralId: 'r1',
      purpose: 'pre-reintegration-visit',
      status: 'requested',
      requestedOn: '2024-05-02',
      history: [{ type: 'be.rtw.cpmt.referral.requested', on: '2024-05-02' }],
    });
  });

  it('refuses without consent for the CPMT, even with consent for another recipient', () => {
    given(opened, consentGiven('regional-service')).when(referral).thenRejected('CONSENT_MISSING');
  });

  it('refuses once the consent is withdrawn, and accepts again after a new consent', () => {
    given(opened, consentGiven('cpmt'), consentWithdrawn('cpmt'))
      .when(referral)
      .thenRejected('CONSENT_MISSING');
    given(opened, consentGiven('cpmt'), consentWithdrawn('cpmt'), consentGiven('cpmt'))
      .when(referral)
      .thenAccepted();
  });

  it('refuses without an employment contract, also after the contract ended', () => {
    const contractEnded = event('be.rtw.dossier.updated', {
      employment: { hasContract: false },
      reason: 'contract-ended',
    });
    given(opened, consentGiven('cpmt'), contractEnded)
      .when(referral)
      .thenRejected('NO_EMPLOYMENT_CONTRACT');
  });

  it('refuses for capacity category 2', () => {
    given(opened, consentGiven('cpmt'), capacityAssessed(2))
      .when(referral)
      .thenRejected('CATEGORY_NOT_REFERABLE');
  });

  it('refuses a second referral with the same id', () => {
    given(...withReferral)
      .when(referral)
      .thenRejected('REFERRAL_ALREADY_EXISTS');
  });

  it.each([
    ['employer', { ...enterprise, employer: `${enterprise.employer.slice(0, 8)}00` }],
    ['prevention service', { ...enterprise, preventionService: '12345678' }],
  ])('refuses an invalid %s enterprise number', (_which, numbers) => {
    given(opened, consentGiven('cpmt'))
      .when(cpmtReferralRequested('r2', numbers))
      .thenRejected('ENTERPRISE_NUMBER_INVALID');
  });
});

describe("the CPMT's answers", () => {
  const answers = (referralId: string) => [
    event('be.rtw.cpmt.referral.accepted', { referralId, acceptedOn: '2024-05-06' }),
    event('be.rtw.cpmt.referral.rejected', {
      referralId,
      rejectedOn: '2024-05-06',
      reason: 'unknown-employer',
    }),
    event('be.rtw.cpmt.visit.held', {
      referralId,
      heldOn: '2024-05-20',
      reintegrationTrajectoryRequested: true,
    }),
    event('be.rtw.cpmt.trajectory.started', {
      referralId,
      startedOn: '2024-05-21',
      requestedBy: 'insured',
    }),
    event('be.rtw.cpmt.assessment.decided', { referralId, decision: 'A', decidedOn: '2024-06-20' }),
    event('be.rtw.cpmt.trajectory.ended', {
      referralId,
      endedOn: '2024-09-30',
      outcome: 'adapted-work',
    }),
  ];

  it.each([...answers('r-unknown'), ...answers('constructor')])(
    'refuses $type for a referral id the dossier does not have ($data.referralId)',
    (answer) => {
      given(...withReferral)
        .when(answer)
        .thenRejected('UNKNOWN_REFERRAL');
    },
  );

  it('follows a referral from acceptance to the end of the trajectory, keeping its history', () => {
    const [accepted, , visit, started, assessed, ended] = answers('r1');
    const state = given(...withReferral, accepted!, visit!, started!, assessed!)
      .when(ended!)
      .thenAccepted();
    expect(state.cpmtReferrals['r1']).toMatchObject({
      status: 'accepted',
      visit: { heldOn: '2024-05-20', reintegrationTrajectoryRequested: true },
      trajectory: {
        startedOn: '2024-05-21',
        requestedBy: 'insured',
        endedOn: '2024-09-30',
        outcome: 'adapted-work',
      },
      assessment: { decision: 'A', decidedOn: '2024-06-20' },
    });
    expect(state.cpmtReferrals['r1']?.history.map((h) => h.type)).toEqual([
      'be.rtw.cpmt.referral.requested',
      'be.rtw.cpmt.referral.accepted',
      'be.rtw.cpmt.visit.held',
      'be.rtw.cpmt.trajectory.started',
      'be.rtw.cpmt.assessment.decided',
      'be.rtw.cpmt.trajectory.ended',
    ]);
  });

  it('records a rejection by the prevention service', () => {
    const [, rejected] = answers('r1');
    expect(
      given(...withReferral)
        .when(rejected!)
        .thenAccepted().cpmtReferrals['r1']?.status,
    ).toBe('rejected');
  });
});
