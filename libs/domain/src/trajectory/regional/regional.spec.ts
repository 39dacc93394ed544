import { generateNiss } from '@rtw/testing';
import {
  capacityAssessed,
  consentGiven,
  consentWithdrawn,
  dossierOpened,
  event,
  registrationAcknowledged,
  regionalReferralRequested,
  residence,
  routeA,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

// No employment contract: regional referrals do not need one. Residence in Ghent: VDAB.
const opened = dossierOpened({
  niss: generateNiss(),
  employment: { hasContract: false },
  residence: residence('9000'),
});
const started = [opened, ...routeA()] as const;
const consent = consentGiven('regional-service');
const referral = regionalReferralRequested('r1', 'vdab');

describe('regional referral', () => {
  it('records the referral when the insured consented to the regional service', () => {
    expect(
      given(...started, consent)
        .when(referral)
        .thenAccepted().regionalReferrals['r1'],
    ).toEqual({
      referralId: 'r1',
      service: 'vdab',
      status: 'requested',
      requestedOn: '2024-05-02',
      history: [{ type: 'be.rtw.regional.referral.requested', on: '2024-05-02' }],
    });
  });

  it.each([
    ['1000', undefined, 'actiris'],
    ['1300', undefined, 'forem'],
    ['4700', undefined, 'adg'],
    ['4700', '62063', 'forem'],
    ['4960', undefined, 'forem'],
    ['8000', undefined, 'vdab'],
  ] as const)(
    'sends a resident of %s (NIS %s) to %s and to no other service',
    (postalCode, nisCode, competent) => {
      const living = dossierOpened({
        niss: generateNiss(),
        residence: residence(postalCode, nisCode),
      });
      const history = [living, ...routeA(), consent];
      given(...history)
        .when(regionalReferralRequested('r1', competent))
        .thenAccepted();
      for (const other of (['actiris', 'vdab', 'forem', 'adg'] as const).filter(
        (s) => s !== competent,
      )) {
        given(...history)
          .when(regionalReferralRequested('r1', other))
          .thenRejected('REGIONAL_SERVICE_NOT_COMPETENT');
      }
    },
  );

  it('follows the insured who moves: the new residence decides', () => {
    const moved = event('be.rtw.dossier.updated', {
      insured: { residence: residence('1050') },
      reason: 'moved',
    });
    given(...started, consent, moved)
      .when(referral)
      .thenRejected('REGIONAL_SERVICE_NOT_COMPETENT');
    given(...started, consent, moved)
      .when(regionalReferralRequested('r1', 'actiris'))
      .thenAccepted();
  });

  it("accepts the service's own disability partner or none, and refuses another's", () => {
    const withPartner = (disabilityPartner: 'gtb' | 'aviq' | 'none') =>
      event('be.rtw.regional.referral.requested', { ...referral.data, disabilityPartner });
    given(...started, consent)
      .when(withPartner('gtb'))
      .thenAccepted();
    given(...started, consent)
      .when(withPartner('none'))
      .thenAccepted();
    given(...started, consent)
      .when(withPartner('aviq'))
      .thenRejected('DISABILITY_PARTNER_MISMATCH');
  });

  it('refuses before the trajectory started', () => {
    given(opened, consent).when(referral).thenRejected('TRAJECTORY_NOT_STARTED');
  });

  it('refuses without consent for the regional service, even with consent for the CPMT', () => {
    given(...started, consentGiven('cpmt'))
      .when(referral)
      .thenRejected('CONSENT_MISSING');
  });

  it('refuses after the consent is withdrawn, or the consent to process the dossier', () => {
    given(...started, consent, consentWithdrawn('regional-service'))
      .when(referral)
      .thenRejected('CONSENT_MISSING');
    given(...started, consent, consentWithdrawn('data-processing'))
      .when(referral)
      .thenRejected('DATA_PROCESSING_CONSENT_WITHDRAWN');
  });

  it('refuses for capacity category 2', () => {
    given(...started, consent, capacityAssessed(2))
      .when(referral)
      .thenRejected('CATEGORY_NOT_REFERABLE');
  });

  it('refuses a second referral with the same id', () => {
    given(...started, consent, referral)
      .when(regionalReferralRequested('r1', 'vdab'))
      .thenRejected('REFERRAL_ALREADY_EXISTS');
  });
});

describe("the regional service's answers", () => {
  const acknowledged = (referralId: string) => registrationAcknowledged(referralId);
  const rejected = (referralId: string) =>
    event('be.rtw.regional.registration.rejected', {
      referralId,
      reason: 'duplicate',
      rejectedOn: '2024-05-06',
    });
  const presented = (referralId: string, presentedOn = '2024-05-13') =>
    event('be.rtw.regional.insured.presented', { referralId, presentedOn });
  const trajectoryStarted = (referralId: string, startedOn = '2024-05-20') =>
    event('be.rtw.regional.trajectory.started', { referralId, startedOn });
  const ended = (referralId: string, endedOn = '2024-11-29') =>
    event('be.rtw.regional.trajectory.ended', { referralId, endedOn, outcome: 'employed' });
  const answers = (referralId: string) => [
    acknowledged(referralId),
    rejected(referralId),
    presented(referralId),
    trajectoryStarted(referralId),
    ended(referralId),
  ];
  const withReferral = [...started, consent, referral] as const;

  it.each([...answers('r-unknown'), ...answers('__proto__')])(
    'refuses $type for a referral id the dossier does not have ($data.referralId)',
    (answer) => {
      given(...withReferral)
        .when(answer)
        .thenRejected('UNKNOWN_REFERRAL');
    },
  );

  it('follows a referral from registration to the end of the trajectory', () => {
    const state = given(
      ...withReferral,
      acknowledged('r1'),
      presented('r1'),
      trajectoryStarted('r1'),
    )
      .when(ended('r1'))
      .thenAccepted();
    expect(state.regionalReferrals['r1']).toMatchObject({
      status: 'acknowledged',
      serviceReference: 'REF-1',
      presentedOn: '2024-05-13',
      trajectory: { startedOn: '2024-05-20', endedOn: '2024-11-29', outcome: 'employed' },
    });
    expect(state.regionalReferrals['r1']?.history).toHaveLength(5);
  });

  it('records a rejected registration', () => {
    expect(
      given(...withReferral)
        .when(rejected('r1'))
        .thenAccepted().regionalReferrals['r1']?.status,
    ).toBe('rejected');
  });

  it.each([
    ['a presentation before the acknowledgement', [], presented('r1')],
    ['a presentation after a rejection', [rejected('r1')], presented('r1')],
    ['a second acknowledgement', [acknowledged('r1')], acknowledged('r1')],
    ['an acknowledgement after a rejection', [rejected('r1')], acknowledged('r1')],
    ['a trajectory before the acknowledgement', [], trajectoryStarted('r1')],
    ['an end without a start', [acknowledged('r1')], ended('r1')],
  ])('refuses %s as out of order', (_label, before, answer) => {
    given(...withReferral, ...before)
      .when(answer)
      .thenRejected('REFERRAL_ANSWER_OUT_OF_ORDER');
  });

  it('refuses answers dated before the referral, and an end before the start', () => {
    given(...withReferral)
      .when(registrationAcknowledged('r1', '2024-05-01'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(...withReferral, acknowledged('r1'), trajectoryStarted('r1'))
      .when(ended('r1', '2024-05-19'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
  });
});
