import { generateNiss } from '@rtw/testing';
import { capacityAssessed, dossierOpened, event } from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const opened = dossierOpened({ niss: generateNiss() });
const sent = event('be.rtw.questionnaire.sent', { sentOn: '2024-03-18', dueOn: '2024-04-01' });
const returned = (complete: boolean, returnToWorkRequested: boolean) =>
  event('be.rtw.questionnaire.returned', {
    receivedOn: '2024-03-28',
    complete,
    returnToWorkRequested,
  });
const referred = event('be.rtw.coordinator.referred', { referredOn: '2024-05-02' });

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

  it('refuses a decision without a request', () => {
    given(opened, sent, returned(true, false))
      .when(decided('accepted'))
      .thenRejected('ROUTE_B_NOT_REQUESTED');
  });
});

describe('capacity estimate and route A', () => {
  it('keeps the latest category', () => {
    const state = given(opened, capacityAssessed(3)).when(capacityAssessed(4)).thenAccepted();
    expect(state.capacity).toEqual({ category: 4, assessedOn: '2024-04-15' });
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
  });
});
