import { generateNiss } from '@rtw/testing';
import { TRAJECTORY_POLICY } from '../policy/trajectory-policy.data';
import {
  capacityAssessed,
  coordinatorReferred,
  dossierOpened,
  event,
} from '../testing/trajectory.fixtures';
import { decide } from '../trajectory.decide';
import { given } from '../testing/trajectory.scenario';

const opened = dossierOpened({ niss: generateNiss() });
const sent = event('be.rtw.questionnaire.sent', { sentOn: '2024-03-18', dueOn: '2024-04-01' });
const returned = (complete: boolean, returnToWorkRequested: boolean) =>
  event('be.rtw.questionnaire.returned', {
    receivedOn: '2024-03-28',
    complete,
    returnToWorkRequested,
  });
const referred = coordinatorReferred('2024-05-02');

describe('questionnaire', () => {
  it('tracks sending, then a complete return', () => {
    expect(given(opened).when(sent).thenAccepted().questionnaire).toEqual({
      status: 'sent',
      sentOn: '2024-03-18',
      dueOn: '2024-04-01',
    });
    expect(
      given(opened, sent).when(returned(true, false)).thenAccepted().questionnaire,
    ).toMatchObject({
      status: 'returned-complete',
      receivedOn: '2024-03-28',
    });
  });

  it('refuses a return before the questionnaire was sent, or dated before it', () => {
    given(opened).when(returned(true, false)).thenRejected('QUESTIONNAIRE_NOT_SENT');
    const exempted = event('be.rtw.questionnaire.exempted', {
      reason: 'medical',
      decidedOn: '2024-03-10',
    });
    given(opened, exempted).when(returned(true, false)).thenRejected('QUESTIONNAIRE_NOT_SENT');
    given(opened, sent, returned(true, false))
      .when(returned(true, false))
      .thenRejected('QUESTIONNAIRE_NOT_SENT');
    const early = event('be.rtw.questionnaire.returned', {
      ...returned(true, false).data,
      receivedOn: '2024-03-17',
    });
    given(opened, sent).when(early).thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });

  it('accepts a complete return after an incomplete one', () => {
    given(opened, sent, returned(false, false)).when(returned(true, false)).thenAccepted();
  });

  it('refuses a questionnaire sent before the incapacity started', () => {
    given(opened)
      .when(event('be.rtw.questionnaire.sent', { sentOn: '2024-01-07', dueOn: '2024-01-21' }))
      .thenRejected('DATE_BEFORE_INCAPACITY_START');
  });

  it('distinguishes an incomplete return', () => {
    expect(
      given(opened, sent).when(returned(false, false)).thenAccepted().questionnaire.status,
    ).toBe('returned-incomplete');
  });

  it('records an exemption and its reason', () => {
    const exempted = event('be.rtw.questionnaire.exempted', {
      reason: 'near-pension-age',
      decidedOn: '2024-03-10',
    });
    expect(given(opened).when(exempted).thenAccepted().questionnaire).toEqual({
      status: 'exempted',
      exemption: 'near-pension-age',
    });
  });

  it('treats a trajectory request in the questionnaire as a route-B request', () => {
    expect(given(opened, sent).when(returned(true, true)).thenAccepted().routeB).toEqual({
      status: 'requested',
      on: '2024-03-28',
    });
  });
});

describe('route B', () => {
  const decided = (decision: 'accepted' | 'refused') =>
    event('be.rtw.routeb.decided', { decision, decidedOn: '2024-04-10' });

  it('records the decision on a request made in the questionnaire or separately', () => {
    expect(
      given(opened, sent, returned(true, true)).when(decided('refused')).thenAccepted().routeB,
    ).toEqual({
      status: 'refused',
      on: '2024-04-10',
    });
    const requested = event('be.rtw.routeb.requested', { requestedOn: '2024-04-01' });
    expect(given(opened, requested).when(decided('accepted')).thenAccepted().routeB.status).toBe(
      'accepted',
    );
  });

  it('refuses a decision without a pending request, or dated before it', () => {
    given(opened, sent, returned(true, false))
      .when(decided('accepted'))
      .thenRejected('ROUTE_B_NOT_REQUESTED');
    given(opened, sent, returned(true, true), decided('refused'))
      .when(decided('accepted'))
      .thenRejected('ROUTE_B_NOT_REQUESTED');
    const requested = event('be.rtw.routeb.requested', { requestedOn: '2024-04-11' });
    given(opened, requested).when(decided('accepted')).thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });

  it('takes a new request after a refusal', () => {
    const again = event('be.rtw.routeb.requested', { requestedOn: '2024-05-01' });
    const later = event('be.rtw.routeb.decided', { decision: 'accepted', decidedOn: '2024-05-08' });
    given(opened, sent, returned(true, true), decided('refused'), again).when(later).thenAccepted();
  });
});

describe('capacity estimate and route A', () => {
  it('keeps the latest category and counts the estimates', () => {
    const state = given(opened, capacityAssessed(3)).when(capacityAssessed(4)).thenAccepted();
    expect(state.capacity).toEqual({ category: 4, assessedOn: '2024-04-15', estimateCount: 2 });
  });

  it.each([0, 5, 2.5])('refuses category %p', (category) => {
    given(opened).when(capacityAssessed(category)).thenRejected('EVENT_DATA_INVALID');
  });

  it('refers category 4 to the coordinator (route A)', () => {
    expect(given(opened, capacityAssessed(4)).when(referred).thenAccepted().routeA).toEqual({
      status: 'referred',
      referredOn: '2024-05-02',
    });
  });

  it('refuses to refer category 2, until a re-estimate changes the category', () => {
    given(opened, capacityAssessed(2)).when(referred).thenRejected('CATEGORY_NOT_REFERABLE');
    given(opened, capacityAssessed(2), capacityAssessed(1)).when(referred).thenAccepted();
    given(opened, capacityAssessed(4), capacityAssessed(2))
      .when(referred)
      .thenRejected('CATEGORY_NOT_REFERABLE');
  });

  it.each([1, 3])(
    'refers category %i only after a re-estimate, never at the first estimate',
    (category) => {
      given(opened, capacityAssessed(category))
        .when(referred)
        .thenRejected('CATEGORY_NOT_YET_REFERABLE');
      given(opened, capacityAssessed(category), capacityAssessed(category, '2024-04-25'))
        .when(referred)
        .thenAccepted();
    },
  );

  it('takes the referable categories from the policy', () => {
    const state = given(opened, capacityAssessed(3)).state;
    const policy = {
      ...TRAJECTORY_POLICY,
      coordinatorReferral: { firstEstimateCategories: [3, 4], reEstimateCategories: [1, 3, 4] },
    } as const;
    expect(decide(state, referred, policy)).toMatchObject({ accepted: true });
  });

  it('refuses a referral without an estimate, or dated before it', () => {
    given(opened).when(referred).thenRejected('CAPACITY_NOT_ASSESSED');
    given(opened, capacityAssessed(4))
      .when(coordinatorReferred('2024-04-14'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });
});
