import { generateNiss } from '@rtw/testing';
import type { Scheme } from '../../events/dossier.events';
import type { DossierEvent } from '../../events/dossier-event.types';
import { TRAJECTORY_POLICY, type TrajectoryPolicy } from '../policy/trajectory-policy.data';
import { dossierOpened, event } from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';
import { decide } from '../trajectory.decide';
import type { TrajectoryState } from '../trajectory.state';

const decideWith =
  (state: TrajectoryState, candidate: DossierEvent) => (policy: TrajectoryPolicy) =>
    decide(state, candidate, policy);

const niss = generateNiss();
const opened = dossierOpened({ niss });
const scheduled = (contactId = 'c1', kind: 'first' | 'follow-up' | 'plan' = 'first') =>
  event('be.rtw.contact.scheduled', {
    contactId,
    scheduledOn: '2024-05-20',
    kind,
    mode: 'phone',
  });
const held = (contactId = 'c1', heldOn = '2024-05-20') =>
  event('be.rtw.contact.held', { contactId, heldOn });
const missed = (contactId = 'c1', justified = false, missedOn = '2024-05-20') =>
  event('be.rtw.contact.missed', { contactId, missedOn, justified });
const examinationMissed = (justified = false, missedOn = '2024-05-10') =>
  event('be.rtw.examination.missed', { examinationId: 'ex1', missedOn, justified });
const reduced = (
  cause: 'unjustified-absence-first-contact' | 'unjustified-absence-examination',
  options: { readonly rate?: number; readonly effectiveFrom?: string } = {},
) =>
  event('be.rtw.allowance.reduced', {
    rate: options.rate ?? 2.5,
    effectiveFrom: options.effectiveFrom ?? '2024-06-01',
    cause,
  });
const ended = (reason: 'insured-attended' | 'annulled', endedOn = '2024-07-01') =>
  event('be.rtw.allowance.reduction.ended', { endedOn, reason });

describe('contact moments', () => {
  it('records a scheduled contact, then that it was held', () => {
    expect(given(opened).when(scheduled()).thenAccepted().contacts['c1']).toEqual({
      contactId: 'c1',
      kind: 'first',
      scheduledOn: '2024-05-20',
      status: 'scheduled',
    });
    expect(given(opened, scheduled()).when(held()).thenAccepted().contacts['c1']).toMatchObject({
      status: 'held',
      on: '2024-05-20',
    });
  });

  it('records a missed contact and whether the absence was justified', () => {
    expect(given(opened, scheduled()).when(missed()).thenAccepted().contacts['c1']).toMatchObject({
      status: 'missed',
      justified: false,
    });
  });

  it.each([held('c2'), missed('c2', true), held('toString')])(
    'refuses $type for a contact that was never scheduled ($data.contactId)',
    (unknown) => {
      given(opened, scheduled()).when(unknown).thenRejected('UNKNOWN_CONTACT');
    },
  );

  it('records one outcome per contact moment and no new date once it took place', () => {
    given(opened, scheduled(), held()).when(missed()).thenRejected('CONTACT_ALREADY_RECORDED');
    given(opened, scheduled(), missed()).when(held()).thenRejected('CONTACT_ALREADY_RECORDED');
    given(opened, scheduled(), held()).when(scheduled()).thenRejected('CONTACT_ALREADY_RECORDED');
    given(opened, scheduled()).when(scheduled()).thenAccepted();
  });

  it('refuses a contact held or missed before its date, or scheduled before the incapacity', () => {
    given(opened, scheduled())
      .when(held('c1', '2024-05-19'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(opened, scheduled())
      .when(missed('c1', false, '2024-05-19'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(opened)
      .when(event('be.rtw.contact.scheduled', { ...scheduled().data, scheduledOn: '2024-01-07' }))
      .thenRejected('DATE_BEFORE_INCAPACITY_START');
  });
});

describe('missed medical examinations', () => {
  it('records the examination and whether the absence was justified', () => {
    expect(given(opened).when(examinationMissed()).thenAccepted().examinations).toEqual({
      ex1: { examinationId: 'ex1', missedOn: '2024-05-10', justified: false },
    });
  });

  it('refuses an examination dated before the incapacity started', () => {
    given(opened)
      .when(examinationMissed(false, '2023-12-31'))
      .thenRejected('DATE_BEFORE_INCAPACITY_START');
  });
});

describe('allowance reduction', () => {
  const firstContactMissed = [scheduled(), missed()] as const;

  it('follows an unjustified absence at the first contact moment or the examination', () => {
    const state = given(opened, ...firstContactMissed)
      .when(reduced('unjustified-absence-first-contact'))
      .thenAccepted();
    expect(state.allowanceReduction).toEqual({
      cause: 'unjustified-absence-first-contact',
      ratePercent: 2.5,
      effectiveFrom: '2024-06-01',
    });
    given(opened, examinationMissed())
      .when(reduced('unjustified-absence-examination'))
      .thenAccepted();
  });

  it.each([
    ['no absence at all', []],
    ['a justified absence', [scheduled(), missed('c1', true)]],
    ['an absence at a follow-up, not the first contact', [scheduled('c1', 'follow-up'), missed()]],
    ['a missed examination, for a first-contact cause', [examinationMissed()]],
    ['a contact held', [scheduled(), held()]],
    [
      'an absence after the reduction takes effect',
      [scheduled(), missed('c1', false, '2024-06-02')],
    ],
  ] as const)('refuses a first-contact reduction after %s', (_label, history) => {
    given(opened, ...history)
      .when(reduced('unjustified-absence-first-contact'))
      .thenRejected('REDUCTION_WITHOUT_ABSENCE');
  });

  it('refuses an examination reduction after a justified or no missed examination', () => {
    given(opened, ...firstContactMissed)
      .when(reduced('unjustified-absence-examination'))
      .thenRejected('REDUCTION_WITHOUT_ABSENCE');
    given(opened, examinationMissed(true))
      .when(reduced('unjustified-absence-examination'))
      .thenRejected('REDUCTION_WITHOUT_ABSENCE');
  });

  it.each([
    ['salaried', 2.5, true],
    ['salaried', 2, false],
    ['unemployed', 3, false],
    ['self-employed', 2.5, true],
    ['self-employed', 1, true],
    ['helping-spouse', 0.5, true],
    ['self-employed', 2.6, false],
  ] as const)('for a %s insured, a rate of %p %s', (scheme, rate, allowed) => {
    const history = [dossierOpened({ niss, scheme: scheme as Scheme }), ...firstContactMissed];
    const decision = given(...history).when(reduced('unjustified-absence-first-contact', { rate }));
    if (allowed) decision.thenAccepted();
    else decision.thenRejected('REDUCTION_RATE_NOT_ALLOWED');
  });

  it('applies the scheme after a change of scheme (dossier.updated v2)', () => {
    const nowSelfEmployed = event('be.rtw.dossier.updated', {
      scheme: 'self-employed',
      reason: 'scheme-changed',
    });
    given(opened, nowSelfEmployed, ...firstContactMissed)
      .when(reduced('unjustified-absence-first-contact', { rate: 1 }))
      .thenAccepted();
  });

  it('applies only to incapacities that started on or after 1 January 2023', () => {
    const in2022 = dossierOpened({ niss, incapacityStart: '2022-12-31' });
    given(in2022, ...firstContactMissed)
      .when(reduced('unjustified-absence-first-contact'))
      .thenRejected('REDUCTION_NOT_APPLICABLE');
    const in2023 = dossierOpened({ niss, incapacityStart: '2023-01-01' });
    given(in2023, ...firstContactMissed)
      .when(reduced('unjustified-absence-first-contact'))
      .thenAccepted();
  });

  it('reads its values from the policy given to decide', () => {
    const state = given(opened, ...firstContactMissed).state;
    const policy = {
      ...TRAJECTORY_POLICY,
      allowanceReduction: { ...TRAJECTORY_POLICY.allowanceReduction, ratePercent: 3 },
    };
    const decision = decideWith(state, reduced('unjustified-absence-first-contact', { rate: 3 }));
    expect(decision(policy)).toMatchObject({ accepted: true });
    expect(decision(TRAJECTORY_POLICY)).toMatchObject({ code: 'REDUCTION_RATE_NOT_ALLOWED' });
  });

  it('runs one reduction at a time, and a new one needs a new absence', () => {
    const first = [opened, ...firstContactMissed, reduced('unjustified-absence-first-contact')];
    given(...first)
      .when(reduced('unjustified-absence-first-contact'))
      .thenRejected('REDUCTION_ALREADY_RUNNING');
    given(...first, ended('insured-attended'))
      .when(reduced('unjustified-absence-first-contact', { effectiveFrom: '2024-08-01' }))
      .thenRejected('REDUCTION_WITHOUT_ABSENCE');
    given(...first, ended('insured-attended'), examinationMissed(false, '2024-07-10'))
      .when(reduced('unjustified-absence-examination', { effectiveFrom: '2024-08-01' }))
      .thenAccepted();
  });

  it('lets an annulled reduction be replaced on the same absence', () => {
    given(
      opened,
      ...firstContactMissed,
      reduced('unjustified-absence-first-contact'),
      ended('annulled', '2024-06-01'),
    )
      .when(reduced('unjustified-absence-first-contact'))
      .thenAccepted();
  });

  it('ends a running reduction, not before it took effect, and only once', () => {
    const running = [opened, ...firstContactMissed, reduced('unjustified-absence-first-contact')];
    expect(
      given(...running)
        .when(ended('insured-attended'))
        .thenAccepted().allowanceReduction,
    ).toMatchObject({ endedOn: '2024-07-01' });
    given(...running)
      .when(ended('insured-attended', '2024-05-31'))
      .thenRejected('DATE_BEFORE_PRECEDING_STEP');
    given(...running, ended('insured-attended'))
      .when(ended('insured-attended'))
      .thenRejected('REDUCTION_NOT_RUNNING');
  });
});
