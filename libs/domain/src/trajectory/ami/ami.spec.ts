import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import type { DossierEvent } from '../../events/dossier-event.types';
import {
  amiLaunched,
  consentGiven,
  contactHeld,
  cpmtReferralAccepted,
  cpmtReferralRequested,
  dossierOpened,
  event,
  malformed,
  routeA,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const niss = generateNiss();
const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};
// Every launch needs a contact moment held before it (the insured consents there).
const withContract = [
  dossierOpened({ niss, employment: { hasContract: true } }),
  ...routeA(),
  ...contactHeld(),
] as const;
const withoutContract = [
  dossierOpened({ niss, employment: { hasContract: false } }),
  ...routeA(),
  ...contactHeld(),
] as const;
const referral = [consentGiven('cpmt'), cpmtReferralRequested('r1', enterprise)] as const;
const accepted = cpmtReferralAccepted('r1');
const visitHeld = (reintegrationTrajectoryRequested: boolean) =>
  event('be.rtw.cpmt.visit.held', {
    referralId: 'r1',
    heldOn: '2024-05-20',
    reintegrationTrajectoryRequested,
  });
const trajectoryStarted = event('be.rtw.cpmt.trajectory.started', {
  referralId: 'r1',
  startedOn: '2024-05-21',
  requestedBy: 'insured',
});
const trajectoryEnded = (outcome: 'definitively-unfit' | 'adapted-work' | 'stopped') =>
  event('be.rtw.cpmt.trajectory.ended', { referralId: 'r1', endedOn: '2024-05-31', outcome });
const assessed = (decision: 'A' | 'B' | 'C') =>
  event('be.rtw.cpmt.assessment.decided', { referralId: 'r1', decision, decidedOn: '2024-05-28' });
const rejectedReferral = event('be.rtw.cpmt.referral.rejected', {
  referralId: 'r1',
  rejectedOn: '2024-05-06',
  reason: 'unknown-employer',
});
const trajectory = [...referral, accepted, trajectoryStarted] as const;

const consistent: [string, number, readonly DossierEvent[]][] = [
  ['case 1 without a contract', 1, withoutContract],
  ['case 2 with a contract and no CPMT referral', 2, withContract],
  [
    'case 2 when the only referral was rejected by the prevention service',
    2,
    [...withContract, ...referral, rejectedReferral],
  ],
  [
    'case 3 after a visit without a trajectory request',
    3,
    [...withContract, ...referral, accepted, visitHeld(false)],
  ],
  [
    'case 4 after a trajectory ended definitively unfit',
    4,
    [...withContract, ...trajectory, trajectoryEnded('definitively-unfit')],
  ],
  [
    'case 4 after assessment B and the end of the trajectory',
    4,
    [...withContract, ...trajectory, assessed('B'), trajectoryEnded('stopped')],
  ],
];

const inconsistent: [string, number, readonly DossierEvent[]][] = [
  ['case 1 with a contract', 1, withContract],
  ['case 2 without a contract', 2, withoutContract],
  ['case 2 after a CPMT referral', 2, [...withContract, ...referral]],
  ['case 3 without any visit', 3, [...withContract, ...referral, accepted]],
  [
    'case 3 when the visit led to a trajectory request',
    3,
    [...withContract, ...referral, accepted, visitHeld(true)],
  ],
  ['case 4 while the trajectory has not ended', 4, [...withContract, ...trajectory, assessed('B')]],
  [
    'case 4 after a trajectory ended with adapted work',
    4,
    [...withContract, ...trajectory, trajectoryEnded('adapted-work')],
  ],
  ['case 5, which does not exist', 5, withContract],
];

describe('AMI launch', () => {
  it.each(consistent)('accepts %s', (_label, amiCase, history) => {
    expect(
      given(...history)
        .when(amiLaunched(amiCase))
        .thenAccepted().ami,
    ).toEqual({
      status: 'launched',
      case: amiCase,
      launchedOn: '2024-06-03',
    });
  });

  it.each(inconsistent)('refuses %s', (_label, amiCase, history) => {
    given(...history)
      .when(amiLaunched(amiCase))
      .thenRejected('AMI_CASE_INCONSISTENT');
  });

  it.each(['coordinatorSignedOn', 'medicalAdvisorSignedOn', 'insuredSignedOn'] as const)(
    'refuses an engagement declaration without %s',
    (signature) => {
      const complete = amiLaunched(2);
      const { [signature]: _missing, ...rest } = complete.data.engagementDeclaration;
      const launch = malformed('be.rtw.ami.launched', {
        ...complete.data,
        engagementDeclaration: rest,
      });
      given(...withContract)
        .when(launch)
        .thenRejected('ENGAGEMENT_DECLARATION_INCOMPLETE');
    },
  );

  it('refuses a signature that is not a real date', () => {
    const complete = amiLaunched(2);
    const declaration = { ...complete.data.engagementDeclaration, insuredSignedOn: '2024-02-30' };
    given(...withContract)
      .when(
        malformed('be.rtw.ami.launched', { ...complete.data, engagementDeclaration: declaration }),
      )
      .thenRejected('ENGAGEMENT_DECLARATION_INCOMPLETE');
  });

  it.each(['coordinatorSignedOn', 'medicalAdvisorSignedOn', 'insuredSignedOn'] as const)(
    'refuses a declaration whose %s postdates the launch, and accepts signatures before it',
    (signature) => {
      const complete = amiLaunched(2);
      const signedOn = (on: string) =>
        event('be.rtw.ami.launched', {
          ...complete.data,
          engagementDeclaration: { ...complete.data.engagementDeclaration, [signature]: on },
        });
      given(...withContract)
        .when(signedOn('2024-06-04'))
        .thenRejected('ENGAGEMENT_SIGNED_AFTER_LAUNCH');
      given(...withContract)
        .when(signedOn('2024-05-30'))
        .thenAccepted();
    },
  );

  it('refuses a launch before any contact moment was held, or before the one held', () => {
    const [opened, ...start] = withContract;
    given(opened, ...start.slice(0, 2))
      .when(amiLaunched(2))
      .thenRejected('AMI_WITHOUT_CONTACT');
    given(opened, ...start.slice(0, 2), ...contactHeld('c-late', '2024-06-10'))
      .when(amiLaunched(2))
      .thenRejected('AMI_WITHOUT_CONTACT');
  });

  it('refuses a launch dated before the incapacity started', () => {
    const early = event('be.rtw.ami.launched', {
      ...amiLaunched(2).data,
      launchedOn: '2023-12-01',
    });
    given(...withContract)
      .when(early)
      .thenRejected('DATE_BEFORE_INCAPACITY_START');
  });

  it('refuses a second launch', () => {
    given(...withContract, amiLaunched(2))
      .when(amiLaunched(2))
      .thenRejected('AMI_ALREADY_LAUNCHED');
  });
});

describe('AMI suspension', () => {
  const suspended = event('be.rtw.ami.suspended', {
    suspendedOn: '2024-07-01',
    reason: 'cpmt-trajectory-at-employer-request',
  });
  const resumed = event('be.rtw.ami.resumed', { resumedOn: '2024-08-01' });
  const suspendedV2 = (cpmtTrajectory: { startedOn: string; referralId?: string }) =>
    event('be.rtw.ami.suspended', {
      suspendedOn: '2024-07-01',
      reason: 'cpmt-trajectory-at-employer-request',
      cpmtTrajectory,
    });

  it('suspends a running AMI trajectory and resumes it', () => {
    const paused = given(...withContract, amiLaunched(2))
      .when(suspended)
      .thenAccepted();
    expect(paused.ami).toEqual({
      status: 'suspended',
      case: 2,
      launchedOn: '2024-06-03',
      suspendedOn: '2024-07-01',
      suspensionReason: 'cpmt-trajectory-at-employer-request',
    });
    const running = given(...withContract, amiLaunched(2), suspended)
      .when(resumed)
      .thenAccepted();
    expect(running.ami).toEqual({ status: 'launched', case: 2, launchedOn: '2024-06-03' });
  });

  it('says in version 2 that the CPMT trajectory of case 2 has no referral', () => {
    given(...withContract, amiLaunched(2))
      .when(suspendedV2({ startedOn: '2024-06-28' }))
      .thenAccepted();
  });

  it('links the CPMT trajectory of case 3 to its referral, which must exist', () => {
    const case3 = [...withContract, ...referral, accepted, visitHeld(false), amiLaunched(3)];
    given(...case3)
      .when(suspendedV2({ startedOn: '2024-06-28', referralId: 'r1' }))
      .thenAccepted();
    given(...case3)
      .when(suspendedV2({ startedOn: '2024-06-28', referralId: 'r2' }))
      .thenRejected('UNKNOWN_REFERRAL');
  });

  it.each([
    [1, withoutContract],
    [4, [...withContract, ...trajectory, trajectoryEnded('definitively-unfit')]],
  ] as const)(
    'refuses a suspension for a CPMT trajectory at the employer’s request in case %i',
    (amiCase, history) => {
      given(...history, amiLaunched(amiCase))
        .when(suspended)
        .thenRejected('AMI_SUSPENSION_NOT_ALLOWED');
      given(...history, amiLaunched(amiCase))
        .when(event('be.rtw.ami.suspended', { suspendedOn: '2024-07-01', reason: 'other' }))
        .thenAccepted();
    },
  );

  it('refuses a suspension dated before the launch or before the CPMT trajectory', () => {
    given(...withContract, amiLaunched(2))
      .when(event('be.rtw.ami.suspended', { suspendedOn: '2024-06-02', reason: 'other' }))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(...withContract, amiLaunched(2))
      .when(suspendedV2({ startedOn: '2024-07-02' }))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });

  it('refuses a resumption dated before the suspension', () => {
    given(...withContract, amiLaunched(2), suspended)
      .when(event('be.rtw.ami.resumed', { resumedOn: '2024-06-30' }))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });

  it('refuses to suspend what is not running', () => {
    given(...withContract)
      .when(suspended)
      .thenRejected('AMI_NOT_LAUNCHED');
    given(...withContract, amiLaunched(2), suspended)
      .when(suspended)
      .thenRejected('AMI_NOT_LAUNCHED');
  });

  it('refuses to resume what is not suspended', () => {
    given(...withContract)
      .when(resumed)
      .thenRejected('AMI_NOT_SUSPENDED');
    given(...withContract, amiLaunched(2))
      .when(resumed)
      .thenRejected('AMI_NOT_SUSPENDED');
  });
});
