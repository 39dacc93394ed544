import { generateNiss } from '@rtw/testing';
import { amiLaunched, dossierOpened, event, planDrafted } from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const opened = dossierOpened({ niss: generateNiss() });
const launched = amiLaunched(2);
const reviewed = (planId: string) =>
  event('be.rtw.plan.reviewed', { planId, reviewedOn: '2024-09-02', nextFollowUpOn: '2024-12-02' });
const evaluated = (planId: string) =>
  event('be.rtw.plan.evaluated', { planId, evaluatedOn: '2025-01-15', result: 'partly-achieved' });

describe('reintegration plan', () => {
  it('refuses a plan before the AMI trajectory is launched', () => {
    given(opened).when(planDrafted('p1')).thenRejected('PLAN_WITHOUT_AMI');
  });

  it('accepts a plan while the AMI trajectory is suspended', () => {
    const suspended = event('be.rtw.ami.suspended', { suspendedOn: '2024-07-01', reason: 'other' });
    given(opened, launched, suspended).when(planDrafted('p1')).thenAccepted();
  });

  it('records the plan, counts reviews and keeps the next follow-up date', () => {
    expect(given(opened, launched).when(planDrafted('p1')).thenAccepted().plans['p1']).toEqual({
      planId: 'p1',
      status: 'drafted',
      nextFollowUpOn: '2024-09-02',
      reviewCount: 0,
    });
    const state = given(opened, launched, planDrafted('p1'), reviewed('p1'))
      .when(reviewed('p1'))
      .thenAccepted();
    expect(state.plans['p1']).toMatchObject({ reviewCount: 2, nextFollowUpOn: '2024-12-02' });
  });

  it('records the evaluation result', () => {
    const state = given(opened, launched, planDrafted('p1')).when(evaluated('p1')).thenAccepted();
    expect(state.plans['p1']).toMatchObject({ status: 'evaluated', result: 'partly-achieved' });
  });

  it.each([reviewed('p2'), evaluated('p2'), reviewed('hasOwnProperty')])(
    'refuses $type for a plan that was never drafted ($data.planId)',
    (unknown) => {
      given(opened, launched, planDrafted('p1')).when(unknown).thenRejected('UNKNOWN_PLAN');
    },
  );
});
