import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import type { DossierEvent } from '../../events/dossier-event.types';
import {
  amiLaunched,
  consentGiven,
  cpmtReferralRequested,
  dossierOpened,
  event,
  malformed,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const niss = generateNiss();
const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};
const withContract = dossierOpened({ niss, employment: { hasContract: true } });
const withoutContract = dossierOpened({ niss, employment: { hasContract: false } });
const referral = [consentGiven('cpmt'), cpmtReferralRequested('r1', enterprise)] as const;
const visitHeld = (reintegrationTrajectoryRequested: boolean) =>
  event('be.rtw.cpmt.visit.held', {
    referralId: 'r1',
    heldOn: '2024-05-20',
    reintegrationTrajectoryRequested,
  });
const trajectoryEnded = (outcome: 'definitively-unfit' | 'adapted-work' | 'stopped') =>
  event('be.rtw.cpmt.trajectory.ended', { referralId: 'r1', endedOn: '2024-09-30', outcome });
const assessed = (decision: 'A' | 'B' | 'C') =>
  event('be.rtw.cpmt.assessment.decided', { referralId: 'r1', decision, decidedOn: '2024-06-20' });
const rejectedReferral = event('be.rtw.cpmt.referral.rejected', {
  referralId: 'r1',
  rejectedOn: '2024-05-06',
  reason: 'unknown-employer',
});

const consistent: [string, number, readonly DossierEvent[]][] = [
  ['case 1 without a contract', 1, [withoutContract]],
  ['case 2 with a contract and no CPMT referral', 2, [withContract]],
  [
    'case 2 when the only referral was rejected by the prevention service',
    2,
    [withContract, ...referral, rejectedReferral],
  ],
  [
    'case 3 after a visit without a trajectory request',
    3,
    [withContract, ...referral, visitHeld(false)],
  ],
  [
    'case 4 after a trajectory ended definitively unfit',
    4,
    [withContract, ...referral, trajectoryEnded('definitively-unfit')],
  ],
  [
    'case 4 after assessment B and the end of the trajectory',
    4,
    [withContract, ...referral, assessed('B'), trajectoryEnded('stopped')],
  ],
];

const inconsistent: [string, number, readonly DossierEvent[]][] = [
  ['case 1 with a contract', 1, [withContract]],
  ['case 2 without a contract', 2, [withoutContract]],
  ['case 2 after a CPMT referral', 2, [withContract, ...referral]],
  ['case 3 without any visit', 3, [withContract, ...referral]],
  [
    'case 3 when the visit led to a trajectory request',
    3,
    [withContract, ...referral, visitHeld(true)],
  ],
  ['case 4 while the trajectory has not ended', 4, [withContract, ...referral, assessed('B')]],
  [
    'case 4 after a trajectory ended with adapted work',
    4,
    [withContract, ...referral, trajectoryEnded('adapted-work')],
  ],
  ['case 5, which does not exist', 5, [withContract]],
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
      given(withContract).when(launch).thenRejected('ENGAGEMENT_DECLARATION_INCOMPLETE');
    },
  );

  it('refuses a signature that is not a real date', () => {
    const complete = amiLaunched(2);
    const declaration = { ...complete.data.engagementDeclaration, insuredSignedOn: '2024-02-30' };
    given(withContract)
      .when({ ...complete, data: { ...complete.data, engagementDeclaration: declaration } })
      .thenRejected('ENGAGEMENT_DECLARATION_INCOMPLETE');
  });

  it('refuses a second launch', () => {
    given(withContract, amiLaunched(2)).when(amiLaunched(2)).thenRejected('AMI_ALREADY_LAUNCHED');
  });
});

describe('AMI suspension', () => {
  const suspended = event('be.rtw.ami.suspended', {
    suspendedOn: '2024-07-01',
    reason: 'cpmt-trajectory-at-employer-request',
  });
  const resumed = event('be.rtw.ami.resumed', { resumedOn: '2024-08-01' });

  it('suspends a running AMI trajectory and resumes it', () => {
    const paused = given(withContract, amiLaunched(2)).when(suspended).thenAccepted();
    expect(paused.ami).toEqual({
      status: 'suspended',
      case: 2,
      launchedOn: '2024-06-03',
      suspendedOn: '2024-07-01',
    });
    const running = given(withContract, amiLaunched(2), suspended).when(resumed).thenAccepted();
    expect(running.ami).toEqual({ status: 'launched', case: 2, launchedOn: '2024-06-03' });
  });

  it('refuses to suspend what is not running', () => {
    given(withContract).when(suspended).thenRejected('AMI_NOT_LAUNCHED');
    given(withContract, amiLaunched(2), suspended).when(suspended).thenRejected('AMI_NOT_LAUNCHED');
  });

  it('refuses to resume what is not suspended', () => {
    given(withContract).when(resumed).thenRejected('AMI_NOT_SUSPENDED');
    given(withContract, amiLaunched(2)).when(resumed).thenRejected('AMI_NOT_SUSPENDED');
  });
});
