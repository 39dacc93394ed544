import type { EngagementDeclarationData } from '../../events/ami.events';
import type { DataOf } from '../../events/dossier-event.types';
import { isIsoDate } from '../../dates/iso-date.validator';
import { reject } from '../decision.types';
import { rejectIfBefore } from '../shared/date-order';
import type { GuardTable } from '../shared/handler.types';
import { entryOf } from '../shared/records.util';
import type { TrajectoryState } from '../trajectory.state';
import { isAmiCaseConsistent } from './ami-case.rules';

function signaturesOf(declaration: EngagementDeclarationData): unknown[] {
  return [
    declaration.coordinatorSignedOn,
    declaration.medicalAdvisorSignedOn,
    declaration.insuredSignedOn,
  ];
}

/** The positive engagement declaration is signed by coordinator, médecin-conseil and insured. */
function isDeclarationComplete(declaration: EngagementDeclarationData): boolean {
  return signaturesOf(declaration).every((signedOn) => isIsoDate(signedOn));
}

function rejectIfSignedAfterLaunch(data: DataOf<'be.rtw.ami.launched'>) {
  const late = signaturesOf(data.engagementDeclaration).some(
    (signedOn) => typeof signedOn === 'string' && signedOn > data.launchedOn,
  );
  return late ? reject('ami.declaration-signed-before-launch') : undefined;
}

/** The insured consents at a contact moment: one was held on or before the launch. */
function rejectIfNoContactHeld(state: TrajectoryState, launchedOn: string) {
  const held = Object.values(state.contacts).some(
    (c) => c.status === 'held' && c.on !== undefined && c.on <= launchedOn,
  );
  return held ? undefined : reject('ami.launch-after-contact');
}

function rejectLaunch(state: TrajectoryState, data: DataOf<'be.rtw.ami.launched'>) {
  if (state.ami.status !== 'none') return reject('ami.launch-once');
  if (!isDeclarationComplete(data.engagementDeclaration)) {
    return reject('ami.declaration-complete');
  }
  return (
    rejectIfSignedAfterLaunch(data) ??
    (isAmiCaseConsistent(state, data.case)
      ? undefined
      : reject('ami.case-consistent', `Launch case ${data.case} does not match the dossier.`)) ??
    rejectIfNoContactHeld(state, data.launchedOn)
  );
}

function rejectSuspension(state: TrajectoryState, data: DataOf<'be.rtw.ami.suspended'>) {
  if (state.ami.status !== 'launched') return reject('ami.suspend-running');
  const forCpmt = data.reason === 'cpmt-trajectory-at-employer-request';
  if (forCpmt && state.ami.case !== 2 && state.ami.case !== 3) {
    return reject(
      'ami.suspension-for-cpmt-cases-2-3',
      `A trajectory launched under case ${state.ami.case ?? '?'} is not suspended for a CPMT trajectory.`,
    );
  }
  // Version 2 may describe the CPMT trajectory; in case 2 it has no referral.
  const cpmt = 'cpmtTrajectory' in data ? data.cpmtTrajectory : undefined;
  if (cpmt?.referralId !== undefined && !entryOf(state.cpmtReferrals, cpmt.referralId)) {
    return reject('ami.suspension-referral-known');
  }
  return (
    rejectIfBefore('ami.suspension-not-before-launch', data.suspendedOn, state.ami.launchedOn) ??
    rejectIfBefore(
      'ami.suspension-not-before-launch',
      data.suspendedOn,
      cpmt?.startedOn,
      'The suspension is dated before the CPMT trajectory that causes it.',
    )
  );
}

/** Business rules of the AMI trajectory's launch, suspension and resumption. */
export const amiGuards = {
  'be.rtw.ami.launched': (state, { data }) => rejectLaunch(state, data),
  'be.rtw.ami.suspended': (state, { data }) => rejectSuspension(state, data),
  'be.rtw.ami.resumed': (state, { data }) =>
    state.ami.status === 'suspended'
      ? rejectIfBefore(
          'ami.resumption-not-before-suspension',
          data.resumedOn,
          state.ami.suspendedOn,
        )
      : reject('ami.resume-suspended'),
} satisfies GuardTable;
