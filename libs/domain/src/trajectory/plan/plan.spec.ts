import { generateNiss } from '@rtw/testing';
import {
  amiLaunched,
  contactHeld,
  dossierOpened,
  event,
  planDrafted,
  routeA,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const opened = dossierOpened({ niss: generateNiss() });
const started = [opened, ...routeA(), ...contactHeld()] as const;
const launched = [...started, amiLaunched(2)] as const;
const reviewed = (planId: string) =>
  event('be.rtw.plan.reviewed', { planId, reviewedOn: '2024-09-02', nextFollowUpOn: '2024-12-02' });
const evaluated = (planId: string) =>
  event('be.rtw.plan.evaluated', { planId, evaluatedOn: '2025-01-15', result: 'partly-achieved' });

describe('reintegration plan', () => {
  it('refuses a plan before the AMI trajectory is launched', () => {
    given(...started)
      .when(planDrafted('p1'))
      .thenRejected('PLAN_WITHOUT_AMI');
  });

  it('accepts a plan while the AMI trajectory is suspended', () => {
    const suspended = event('be.rtw.ami.suspended', { suspendedOn: '2024-07-01', reason: 'other' });
    given(...launched, suspended)
      .when(planDrafted('p1'))
      .thenAccepted();
  });

  it('records the plan, counts reviews and keeps the next follow-up date', () => {
    expect(
      given(...launched)
        .when(planDrafted('p1'))
        .thenAccepted().plans['p1'],
    ).toEqual({
      planId: 'p1',
      status: 'drafted',
      draftedOn: '2024-06-17',
      lastStepOn: '2024-06-17',
      nextFollowUpOn: '2024-09-02',
      reviewCount: 0,
    });
    const state = given(...launched, planDrafted('p1'), reviewed('p1'))
      .when(reviewed('p1'))
      .thenAccepted();
    expect(state.plans['p1']).toMatchObject({ reviewCount: 2, nextFollowUpOn: '2024-12-02' });
  });

  it('records the evaluation result', () => {
    const state = given(...launched, planDrafted('p1'))
      .when(evaluated('p1'))
      .thenAccepted();
    expect(state.plans['p1']).toMatchObject({ status: 'evaluated', result: 'partly-achieved' });
  });

  it('refuses a second plan with the same id', () => {
    given(...launched, planDrafted('p1'))
      .when(planDrafted('p1'))
      .thenRejected('PLAN_ALREADY_DRAFTED');
  });

  it('refuses a plan drafted before the AMI launch', () => {
    given(...launched)
      .when(planDrafted('p1', { draftedOn: '2024-06-02' }))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });

  it('refuses a next follow-up dated before the drafting or the review that sets it', () => {
    given(...launched)
      .when(planDrafted('p1', { nextFollowUpOn: '2024-06-16' }))
      .thenRejected('FOLLOW_UP_BEFORE_PLAN_DATE');
    given(...launched)
      .when(planDrafted('p1', { nextFollowUpOn: '2024-06-17' }))
      .thenAccepted();
    given(...launched, planDrafted('p1'))
      .when(
        event('be.rtw.plan.reviewed', {
          planId: 'p1',
          reviewedOn: '2024-09-02',
          nextFollowUpOn: '2024-09-01',
        }),
      )
      .thenRejected('FOLLOW_UP_BEFORE_PLAN_DATE');
  });

  it('refuses a review or evaluation before the drafting or the previous review', () => {
    const early = (on: string) =>
      event('be.rtw.plan.reviewed', { planId: 'p1', reviewedOn: on, nextFollowUpOn: '2024-12-02' });
    given(...launched, planDrafted('p1'))
      .when(early('2024-06-16'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(...launched, planDrafted('p1'), reviewed('p1'))
      .when(early('2024-09-01'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(...launched, planDrafted('p1'), reviewed('p1'))
      .when(
        event('be.rtw.plan.evaluated', {
          planId: 'p1',
          evaluatedOn: '2024-08-30',
          result: 'achieved',
        }),
      )
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });

  it('refuses a review or a second evaluation of an evaluated plan', () => {
    given(...launched, planDrafted('p1'), evaluated('p1'))
      .when(reviewed('p1'))
      .thenRejected('PLAN_ALREADY_EVALUATED');
    given(...launched, planDrafted('p1'), evaluated('p1'))
      .when(evaluated('p1'))
      .thenRejected('PLAN_ALREADY_EVALUATED');
  });

  it.each([reviewed('p2'), evaluated('p2'), reviewed('hasOwnProperty')])(
    'refuses $type for a plan that was never drafted ($data.planId)',
    (unknown) => {
      given(...launched, planDrafted('p1'))
        .when(unknown)
        .thenRejected('UNKNOWN_PLAN');
    },
  );
});
