import { ContractRegistry } from '@rtw/contracts';

// The v2 referral events carry the coordinator the partner messages name (ADR 0051).
const registry = ContractRegistry.load();
const regional = registry.validatorFor('be.rtw.regional.referral.requested', 2)!;
const cpmt = registry.validatorFor('be.rtw.cpmt.referral.requested', 2)!;
const regionalV1Data = {
  referralId: 'REF-1',
  service: 'actiris',
  purpose: 'registration',
  requestedOn: '2026-06-02',
};

describe('the v2 referral events', () => {
  it('still accept v1 data', () => {
    expect(regional(regionalV1Data)).toBe(true);
  });

  it('accept a coordinator with a name and optional phone and email, and a contact language', () => {
    expect(
      regional({
        ...regionalV1Data,
        coordinator: {
          name: 'Coordinator Example',
          phone: '+32 2 555 01 23',
          email: 'rtw@insurer.example',
        },
        contactLanguage: 'nl',
      }),
    ).toBe(true);
  });

  it.each([
    ['a coordinator without a name', { phone: '+32 2 555 01 23' }],
    ['an email that is not an address', { name: 'X', email: 'nobody' }],
    ['a phone with letters', { name: 'X', phone: 'call me' }],
    ['a field beyond the contact', { name: 'X', niss: 'x' }],
  ])('refuse %s', (_name, coordinator) => {
    expect(regional({ ...regionalV1Data, coordinator })).toBe(false);
  });

  it('add the coordinator to the CPMT referral too', () => {
    const schema = registry.schemaOf('be.rtw.cpmt.referral.requested', 2)?.schema as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toContain('coordinator');
    expect(cpmt({})).toBe(false);
  });
});
