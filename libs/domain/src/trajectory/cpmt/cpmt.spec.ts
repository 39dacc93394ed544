import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import {
  capacityAssessed,
  consentGiven,
  consentWithdrawn,
  coordinatorReferred,
  cpmtReferralAccepted,
  cpmtReferralRequested,
  dossierOpened,
  event,
  routeA,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};
const opened = dossierOpened({ niss: generateNiss() });
const started = [opened, ...routeA()] as const;
const referral = cpmtReferralRequested('r1', enterprise);
const withReferral = [...started, consentGiven('cpmt'), referral] as const;

describe('CPMT referral', () => {
  it('records the referral with consent for the CPMT and an employment contract', () => {
    const state = given(...started, consentGiven('cpmt'))
      .when(referral)
      .thenAccepted();
    expect(state.cpmtReferrals['r1']).toEqual({
      referralId: 'r1',
      purpose: 'pre-reintegration-visit',
      status: 'requested',
      requestedOn: '2024-05-02',
      history: [{ type: 'be.rtw.cpmt.referral.requested', on: '2024-05-02' }],
    });
  });

  it('refuses before the trajectory started, and accepts after an accepted route-B request', () => {
    given(opened, consentGiven('cpmt')).when(referral).thenRejected('TRAJECTORY_NOT_STARTED');
    const routeB = [
      event('be.rtw.routeb.requested', { requestedOn: '2024-04-01' }),
      event('be.rtw.routeb.decided', { decision: 'accepted', decidedOn: '2024-04-10' }),
    ];
    given(opened, ...routeB, consentGiven('cpmt'))
      .when(referral)
      .thenAccepted();
    given(opened, routeB[0]!, consentGiven('cpmt'))
      .when(referral)
      .thenRejected('TRAJECTORY_NOT_STARTED');
  });

  it('refuses without consent for the CPMT, even with consent for another recipient', () => {
    given(...started, consentGiven('regional-service'))
      .when(referral)
      .thenRejected('CONSENT_MISSING');
  });

  it('refuses once the consent is withdrawn, and accepts again after a new consent', () => {
    given(...started, consentGiven('cpmt'), consentWithdrawn('cpmt'))
      .when(referral)
      .thenRejected('CONSENT_MISSING');
    given(...started, consentGiven('cpmt'), consentWithdrawn('cpmt'), consentGiven('cpmt'))
      .when(referral)
      .thenAccepted();
  });

  it('refuses every referral once the consent to process the dossier is withdrawn', () => {
    const withdrawn = consentWithdrawn('data-processing');
    given(...started, consentGiven('cpmt'), withdrawn)
      .when(referral)
      .thenRejected('DATA_PROCESSING_CONSENT_WITHDRAWN');
    given(opened, capacityAssessed(4), withdrawn)
      .when(coordinatorReferred())
      .thenRejected('DATA_PROCESSING_CONSENT_WITHDRAWN');
    given(...started, consentGiven('cpmt'), withdrawn, consentGiven('data-processing'))
      .when(referral)
      .thenAccepted();
  });

  it('refuses without an employment contract, also after the contract ended', () => {
    const contractEnded = event('be.rtw.dossier.updated', {
      employment: { hasContract: false },
      reason: 'contract-ended',
    });
    given(...started, consentGiven('cpmt'), contractEnded)
      .when(referral)
      .thenRejected('NO_EMPLOYMENT_CONTRACT');
  });

  it('refuses for capacity category 2', () => {
    given(...started, consentGiven('cpmt'), capacityAssessed(2))
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
    given(...started, consentGiven('cpmt'))
      .when(cpmtReferralRequested('r2', numbers))
      .thenRejected('ENTERPRISE_NUMBER_INVALID');
  });
});

describe("the CPMT's answers", () => {
  const accepted = (referralId: string) => cpmtReferralAccepted(referralId);
  const rejected = (referralId: string) =>
    event('be.rtw.cpmt.referral.rejected', {
      referralId,
      rejectedOn: '2024-05-06',
      reason: 'unknown-employer',
    });
  const visit = (referralId: string, heldOn = '2024-05-20') =>
    event('be.rtw.cpmt.visit.held', {
      referralId,
      heldOn,
      reintegrationTrajectoryRequested: true,
    });
  const trajectoryStarted = (referralId: string, startedOn = '2024-05-21') =>
    event('be.rtw.cpmt.trajectory.started', { referralId, startedOn, requestedBy: 'insured' });
  const assessed = (referralId: string, decidedOn = '2024-06-20') =>
    event('be.rtw.cpmt.assessment.decided', { referralId, decision: 'A', decidedOn });
  const ended = (referralId: string, endedOn = '2024-09-30') =>
    event('be.rtw.cpmt.trajectory.ended', { referralId, endedOn, outcome: 'adapted-work' });
  const answers = (referralId: string) => [
    accepted(referralId),
    rejected(referralId),
    visit(referralId),
    trajectoryStarted(referralId),
    assessed(referralId),
    ended(referralId),
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
    const state = given(
      ...withReferral,
      accepted('r1'),
      visit('r1'),
      trajectoryStarted('r1'),
      assessed('r1'),
    )
      .when(ended('r1'))
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
    expect(
      given(...withReferral)
        .when(rejected('r1'))
        .thenAccepted().cpmtReferrals['r1']?.status,
    ).toBe('rejected');
  });

  it.each([
    ['a second acceptance', [accepted('r1')], accepted('r1')],
    ['an acceptance after a rejection', [rejected('r1')], accepted('r1')],
    ['a visit before acceptance', [], visit('r1')],
    ['a visit after a rejection', [rejected('r1')], visit('r1')],
    ['a trajectory before acceptance', [], trajectoryStarted('r1')],
    ['a second start', [accepted('r1'), trajectoryStarted('r1')], trajectoryStarted('r1')],
    ['an assessment without a trajectory', [accepted('r1')], assessed('r1')],
    ['an end without a start', [accepted('r1')], ended('r1')],
    [
      'an assessment after the end',
      [accepted('r1'), trajectoryStarted('r1'), ended('r1', '2024-06-01')],
      assessed('r1', '2024-06-02'),
    ],
  ])('refuses %s as out of order', (_label, before, answer) => {
    given(...withReferral, ...before)
      .when(answer)
      .thenRejected('REFERRAL_ANSWER_OUT_OF_ORDER');
  });

  it.each([
    ['an acceptance before the referral', [], cpmtReferralAccepted('r1', '2024-05-01')],
    ['a visit before the referral', [accepted('r1')], visit('r1', '2024-05-01')],
    [
      'an assessment before the trajectory started',
      [accepted('r1'), trajectoryStarted('r1')],
      assessed('r1', '2024-05-20'),
    ],
    [
      'an end before the trajectory started',
      [accepted('r1'), trajectoryStarted('r1')],
      ended('r1', '2024-05-20'),
    ],
  ])('refuses %s', (_label, before, answer) => {
    given(...withReferral, ...before)
      .when(answer)
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });
});
