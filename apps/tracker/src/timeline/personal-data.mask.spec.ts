import { ContractRegistry } from '@rtw/contracts';
import { exampleEvent, generateNiss } from '@rtw/testing';
import { MASKED, PersonalDataMask, maskState } from './personal-data.mask';

const OPENED = 'urn:rtw:schema:be.rtw.dossier.opened:v1';
const PLAN = 'urn:rtw:schema:be.rtw.plan.drafted:v1';

describe('PersonalDataMask', () => {
  const mask = PersonalDataMask.fromRegistry(ContractRegistry.load());
  const niss = generateNiss();
  const opened = exampleEvent('dossier.opened', {
    dossierId: '5e740220-49c5-4484-b789-6d2e3df7bb0a',
    insurer: '100',
    niss,
  })['data'] as Record<string, unknown>;

  it('masks the identity of an opened dossier and keeps what is not personal', () => {
    expect(mask.maskData(OPENED, opened)).toEqual({
      insured: {
        niss: MASKED,
        lastName: MASKED,
        firstName: MASKED,
        sex: MASKED,
        birthDate: MASKED,
        language: 'nl',
        residence: MASKED,
      },
      scheme: 'salaried',
      employment: {
        hasContract: true,
        employerEnterpriseNumber: '0730746827',
        jobTitle: MASKED,
      },
      incapacity: { startDate: '2026-01-12', phase: 'primary' },
    });
  });

  it('leaves no identity value anywhere in the masked JSON', () => {
    const insured = opened['insured'] as Record<string, unknown>;
    const text = JSON.stringify(mask.maskData(OPENED, opened));
    for (const value of [niss, insured['lastName'], insured['firstName'], insured['birthDate']])
      expect(text).not.toContain(String(value));
  });

  it('masks free text in arrays and nested objects (a plan) and keeps ids, dates and codes', () => {
    const plan = exampleEvent('plan.drafted', {
      dossierId: '5e740220-49c5-4484-b789-6d2e3df7bb0a',
      insurer: '100',
      niss,
    })['data'];
    expect(mask.maskData(PLAN, plan)).toEqual({
      planId: 'PLAN-2026-0093',
      draftedOn: '2026-06-10',
      objectives: [MASKED, MASKED],
      finalResult: MASKED,
      actions: [{ description: MASKED, provider: MASKED }, { description: MASKED }],
      nextFollowUpOn: '2026-09-10',
      consulted: ['treating-physician', 'regional-service-adviser'],
    });
  });

  it('masks the whole data of an event whose contract it does not know', () => {
    expect(mask.maskData('urn:rtw:schema:be.rtw.unknown.thing:v1', opened)).toBe(MASKED);
    expect(mask.maskData(null, opened)).toBe(MASKED);
  });

  it('masks a field its contract does not declare, and keeps the declared ones', () => {
    expect(
      mask.maskData(PLAN, { planId: 'PLAN-1', note: 'a note the contract never allowed' }),
    ).toEqual({ planId: 'PLAN-1', note: MASKED });
  });

  it('masks the residence key of the projection state and keeps the rest', () => {
    expect(
      maskState({ status: 'open', residence: { postalCode: '1000', nisCode: '21004' } }),
    ).toEqual({ status: 'open', residence: MASKED });
    expect(maskState({ status: 'open' })).toEqual({ status: 'open' });
  });
});
