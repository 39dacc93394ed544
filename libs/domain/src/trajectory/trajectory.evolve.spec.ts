import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import type { DossierEvent } from '../events/dossier-event.types';
import { decide } from './trajectory.decide';
import { evolve } from './trajectory.evolve';
import { initialState, type TrajectoryState } from './trajectory.state';
import {
  amiLaunched,
  capacityAssessed,
  consentGiven,
  contactHeld,
  cpmtReferralAccepted,
  cpmtReferralRequested,
  dossierOpened,
  event,
  planDrafted,
  regionalReferralRequested,
  registrationAcknowledged,
  routeA,
} from './testing/trajectory.fixtures';
import { given } from './testing/trajectory.scenario';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};

// A salaried worker, route A, CPMT trajectory ending definitively unfit, AMI case 4 with a plan,
// regional referral, return to work and closure.
const journey: readonly DossierEvent[] = [
  dossierOpened({ niss: generateNiss() }),
  event('be.rtw.questionnaire.sent', { sentOn: '2024-03-18', dueOn: '2024-04-01' }),
  event('be.rtw.questionnaire.returned', {
    receivedOn: '2024-03-28',
    complete: true,
    returnToWorkRequested: false,
  }),
  capacityAssessed(4),
  event('be.rtw.coordinator.referred', { referredOn: '2024-04-20' }),
  consentGiven('cpmt'),
  cpmtReferralRequested('cpmt-1', enterprise, 'reintegration-trajectory'),
  cpmtReferralAccepted('cpmt-1', '2024-05-03'),
  event('be.rtw.cpmt.trajectory.started', {
    referralId: 'cpmt-1',
    startedOn: '2024-05-06',
    requestedBy: 'medical-advisor',
  }),
  event('be.rtw.cpmt.assessment.decided', {
    referralId: 'cpmt-1',
    decision: 'B',
    decidedOn: '2024-06-10',
  }),
  event('be.rtw.cpmt.trajectory.ended', {
    referralId: 'cpmt-1',
    endedOn: '2024-06-28',
    outcome: 'definitively-unfit',
  }),
  ...contactHeld('contact-1', '2024-06-03'),
  amiLaunched(4),
  planDrafted('plan-1'),
  consentGiven('regional-service'),
  regionalReferralRequested('reg-1', 'actiris'),
  registrationAcknowledged('reg-1'),
  event('be.rtw.regional.insured.presented', { referralId: 'reg-1', presentedOn: '2024-07-15' }),
  event('be.rtw.work.resumed', { resumedOn: '2024-11-04', extent: 'full', employer: 'other' }),
  event('be.rtw.trajectory.closed', { closedOn: '2024-11-04', outcome: 'work-resumed' }),
  event('be.rtw.dossier.closed', { closedOn: '2024-11-30', reason: 'work-resumed' }),
  event('be.rtw.incapacity.ended', { endedOn: '2024-11-03' }),
];

describe('evolve', () => {
  it('accepts a whole trajectory and ends closed with its history', () => {
    const state = given(...journey).state;
    expect(state).toMatchObject({
      status: 'closed',
      ami: { status: 'launched', case: 4 },
      capacity: { category: 4 },
      routeA: { status: 'referred' },
      incapacity: { endedOn: '2024-11-03' },
      trajectoryClosed: { outcome: 'work-resumed' },
    });
    expect(Object.keys(state.plans)).toEqual(['plan-1']);
    expect(state.regionalReferrals['reg-1']?.presentedOn).toBe('2024-07-15');
  });

  it('never changes the state it is given', () => {
    const frozen: TrajectoryState[] = [];
    journey.reduce((state, e) => {
      frozen.push(deepFreeze(state));
      return evolve(state, e);
    }, initialState());
    // Reaching here means no reducer wrote into a frozen state (strict mode would have thrown).
    expect(frozen).toHaveLength(journey.length);
  });

  it('rebuilds the same state on every replay, and the state survives a JSON round trip', () => {
    const replay = () => journey.reduce(evolve, initialState());
    expect(replay()).toEqual(replay());
    expect(JSON.parse(JSON.stringify(replay()))).toEqual(replay());
  });

  it('leaves the state unchanged for an event type it does not know', () => {
    const state = given(journey[0]!).state;
    const unknown = {
      type: 'be.rtw.something.new',
      insurer: '100',
      data: {},
    } as unknown as DossierEvent;
    expect(evolve(state, unknown)).toBe(state);
    expect(decide(state, unknown)).toMatchObject({
      accepted: false,
      code: 'EVENT_TYPE_UNSUPPORTED',
    });
  });

  it('ignores an answer for a referral it does not have instead of inventing one', () => {
    const state = given(journey[0]!).state;
    const answer = event('be.rtw.cpmt.referral.accepted', {
      referralId: 'nope',
      acceptedOn: '2024-05-06',
    });
    expect(evolve(state, answer).cpmtReferrals).toEqual({});
  });

  it('keeps an id that collides with an Object.prototype name as an ordinary entry', () => {
    const opened = dossierOpened({ niss: generateNiss(), employment: { hasContract: false } });
    const state = given(
      opened,
      ...routeA(),
      consentGiven('regional-service'),
      regionalReferralRequested('__proto__'),
      registrationAcknowledged('__proto__'),
    )
      .when(
        event('be.rtw.regional.insured.presented', {
          referralId: '__proto__',
          presentedOn: '2024-06-01',
        }),
      )
      .thenAccepted();
    expect(Object.keys(state.regionalReferrals)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(state.regionalReferrals)).toBe(Object.prototype);
  });

  it('returns the accepted event itself as the one event to append', () => {
    const consent = consentGiven('cpmt');
    expect(decide(given(journey[0]!).state, consent)).toEqual({
      accepted: true,
      events: [consent],
    });
  });

  it('records the latest consent decision per scope', () => {
    const withdrawn = event('be.rtw.consent.withdrawn', {
      scope: 'cpmt',
      withdrawnOn: '2024-05-01',
    });
    const state = given(journey[0]!, consentGiven('cpmt'), consentGiven('treating-physician'))
      .when(withdrawn)
      .thenAccepted();
    expect(state.consents).toEqual({
      cpmt: { status: 'withdrawn', on: '2024-05-01' },
      'treating-physician': { status: 'given', on: '2024-03-01' },
    });
  });
});
