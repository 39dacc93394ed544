import { generateNiss } from '@rtw/testing';
import {
  capacityAssessed,
  consentGiven,
  consentWithdrawn,
  dossierOpened,
  event,
  regionalReferralRequested,
} from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

// No employment contract: regional referrals do not need one.
const opened = dossierOpened({ niss: generateNiss(), employment: { hasContract: false } });
const consent = consentGiven('regional-service');
const referral = regionalReferralRequested('r1', 'vdab');

describe('regional referral', () => {
  it('records the referral when the insured consented to the regional service', () => {
    expect(given(opened, consent).when(referral).thenAccepted().regionalReferrals['r1']).toEqual({
      referralId: 'r1',
      service: 'vdab',
      status: 'requested',
      requestedOn: '2024-05-02',
      history: [{ type: 'be.rtw.regional.referral.requested', on: '2024-05-02' }],
    });
  });

  it('refuses without consent for the regional service, even with consent for the CPMT', () => {
    given(opened, consentGiven('cpmt')).when(referral).thenRejected('CONSENT_MISSING');
  });

  it('refuses after the consent is withdrawn', () => {
    given(opened, consent, consentWithdrawn('regional-service'))
      .when(referral)
      .thenRejected('CONSENT_MISSING');
  });

  it('refuses for capacity category 2', () => {
    given(opened, consent, capacityAssessed(2))
      .when(referral)
      .thenRejected('CATEGORY_NOT_REFERABLE');
  });

  it('refuses a second referral with the same id', () => {
    given(opened, consent, referral)
      .when(regionalReferralRequested('r1', 'forem'))
      .thenRejected('REFERRAL_ALREADY_EXISTS');
  });
});

describe("the regional service's answers", () => {
  const answers = (referralId: string) => [
    event('be.rtw.regional.registration.acknowledged', {
      referralId,
      serviceReference: 'VDAB-REF-1',
      acknowledgedOn: '2024-05-06',
    }),
    event('be.rtw.regional.registration.rejected', {
      referralId,
      reason: 'duplicate',
      rejectedOn: '2024-05-06',
    }),
    event('be.rtw.regional.insured.presented', { referralId, presentedOn: '2024-05-13' }),
    event('be.rtw.regional.trajectory.started', { referralId, startedOn: '2024-05-20' }),
    event('be.rtw.regional.trajectory.ended', {
      referralId,
      endedOn: '2024-11-29',
      outcome: 'employed',
    }),
  ];

  it.each([...answers('r-unknown'), ...answers('__proto__')])(
    'refuses $type for a referral id the dossier does not have ($data.referralId)',
    (answer) => {
      given(opened, consent, referral).when(answer).thenRejected('UNKNOWN_REFERRAL');
    },
  );

  it('follows a referral from registration to the end of the trajectory', () => {
    const [acknowledged, , presented, started, ended] = answers('r1');
    const state = given(opened, consent, referral, acknowledged!, presented!, started!)
      .when(ended!)
      .thenAccepted();
    expect(state.regionalReferrals['r1']).toMatchObject({
      status: 'acknowledged',
      serviceReference: 'VDAB-REF-1',
      presentedOn: '2024-05-13',
      trajectory: { startedOn: '2024-05-20', endedOn: '2024-11-29', outcome: 'employed' },
    });
    expect(state.regionalReferrals['r1']?.history).toHaveLength(5);
  });

  it('records a rejected registration', () => {
    const [, rejected] = answers('r1');
    expect(
      given(opened, consent, referral).when(rejected!).thenAccepted().regionalReferrals['r1']
        ?.status,
    ).toBe('rejected');
  });
});
